// The load generator, a process of its own (forked by bench/lib/load.ts). With 2 cores the client competes with
// the server for CPU whatever we do; keeping autocannon out of the harness process at least means its event
// loop never also serves the harness's child-output piping or bookkeeping, and it can be watched on its own
// in `top`/profiles. It runs one job at a time on request and answers with a summary.
import autocannon from 'autocannon';
import type { FromLoadgen, LoadJob, LoadResult, ToLoadgen } from './protocol.ts';
import { Samples, percentile } from './stats.ts';

function run(job: LoadJob): Promise<LoadResult> {
  const latencies = new Samples();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.baseUrl,
        connections: job.connections,
        duration: job.durationSeconds,
        pipelining: 1,
        timeout: 10,
        requests: job.requests.map((r) => ({
          method: r.method as autocannon.Request['method'],
          path: r.path,
          headers: r.headers,
          ...(r.body === undefined ? {} : { body: r.body }),
        })),
      },
      (err, result) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        const sorted = latencies.sorted();
        const statuses: Record<string, number> = {};
        for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = stat.count ?? 0;
        resolve({
          responses: latencies.count,
          seconds: result.duration,
          reqPerSec: result.duration > 0 ? latencies.count / result.duration : 0,
          p50Ms: percentile(sorted, 50),
          p95Ms: percentile(sorted, 95),
          p99Ms: percentile(sorted, 99),
          statuses,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    // Every response, whatever its status, so p95 exists (autocannon reports p97.5 but no p95).
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

const send = (message: FromLoadgen) => process.send?.(message);

process.on('message', (message: ToLoadgen) => {
  if (message.type !== 'run') return;
  run(message.job).then(
    (result) => send({ type: 'result', result }),
    (err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
});
// The harness is gone (or done): nothing left to do.
process.once('disconnect', () => process.exit(0));
