-- A worker's claim (decision 006) as a function, so that it can carry planner settings of its own. The claim wants the
-- first due rows in run order from jobs_due_idx, an index scan that stops after `max_jobs` rows and marks the entries of
-- claimed and deleted rows dead as it passes them. The jobs table churns faster than ANALYZE follows it, and with
-- stale statistics the planner takes a bitmap scan instead: it reads every entry of the index, dead ones included (a
-- bitmap scan never marks them), visits their heap rows, and sorts the due ones, on every claim until a vacuum. That made
-- a claim cost a few milliseconds under load, three times the index scan, and grow with the backlog.
-- The function also runs the worker's pending deletion of finished jobs first, in the same statement and transaction.
--
-- Its transaction commits without waiting for the WAL flush (synchronous_commit off until the end of the transaction:
-- call it in a transaction of its own, as the worker does). A claim and the deletion of finished jobs are the two
-- writes a crash may take back without breaking a guarantee: a claim lost with the database makes the job due again,
-- like a lapsed lease, and a lost deletion runs a finished job again, like a worker killed before deleting it (jobs are
-- at least once, handlers idempotent). Anything that commits later flushes the WAL up to itself, claims included, so a
-- handler's own transaction (completeJobInTx) never outlives its claim. The flush was most of a claim's database CPU
-- (with five jobs a claim, about 110 µs per job with it, 30 without).
CREATE OR REPLACE FUNCTION jobs_claim(worker text, job_names text[], max_jobs integer, lease_seconds double precision, finished uuid[])
RETURNS TABLE (id uuid, name text, payload jsonb, attempts integer, dedupe_key text)
LANGUAGE plpgsql
SET enable_bitmapscan = off
SET enable_sort = off
AS $$
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  IF cardinality(finished) > 0 THEN
    DELETE FROM jobs f WHERE f.id = ANY (finished) AND f.locked_by = worker;
  END IF;
  RETURN QUERY
    UPDATE jobs j SET status = 'running', attempts = j.attempts + 1, locked_by = worker,
           locked_until = now() + make_interval(secs => lease_seconds), updated_at = now()
     WHERE j.id IN (SELECT d.id FROM jobs d
                     WHERE d.status = 'pending' AND d.run_at <= now() AND d.name = ANY (job_names)
                     ORDER BY d.run_at LIMIT max_jobs FOR UPDATE SKIP LOCKED)
    RETURNING j.id, j.name, j.payload, j.attempts, j.dedupe_key;
END
$$;
