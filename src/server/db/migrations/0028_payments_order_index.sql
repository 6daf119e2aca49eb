-- Every payment of an order, whatever its status: the order page's payment summary, receipts and the stale-order sweep read
-- payments by order_id, and the only index on it (payments_one_live_per_order_uq) leaves failed and cancelled ones out,
-- so each of those reads scanned the table (~3.6 ms per cancelled order on a bench database, growing with the table).
CREATE INDEX "payments_order_idx" ON "payments" USING btree ("order_id","created_at");
