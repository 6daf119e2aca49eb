-- No stylist can hold two live bookings whose blocks (the session plus the buffer after it) overlap. The database
-- enforces it, so concurrent accepts on several instances cannot both succeed: the loser gets 23P01 (→ 409).
ALTER TABLE "stylist_bookings" ADD CONSTRAINT "stylist_bookings_no_overlap"
  EXCLUDE USING gist ("stylist_id" WITH =, tstzrange("block_start", "block_end", '[)') WITH &&)
  WHERE ("status" IN ('CONFIRMED', 'COMPLETED'));
--> statement-breakpoint
-- One pending-or-accepted request per client, stylist and start (double clicks do not make two requests).
CREATE UNIQUE INDEX "booking_requests_client_slot_key" ON "booking_requests" ("client_id", "stylist_id", "start_at")
  WHERE "status" IN ('PENDING', 'ACCEPTED');
