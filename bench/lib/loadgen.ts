// The load generator, a process of its own (forked by bench/lib/load.ts). With 2 cores the client competes with
// the server for CPU whatever we do; keeping autocannon out of the harness process at least means its event
// loop never also serves the harness's child-output piping or bookkeeping, and it can be watched on its own
// in `top` or a profile. It runs one job at a time on request and answers with one summary per target.
import autocannon from 'autocannon';
import type { FromLoadgen, LoadJob, LoadRequest, LoadResult, LoadTarget, ToLoadgen } from './protocol.ts';
import { Samples, percentile } from './stats.ts';

/** Everything measured for one target, summed over its slices. */
class Tally {
  readonly latencies = new Samples();
  readonly statuses: Record<string, number> = {};
  seconds = 0;
  errors = 0;
  timeouts = 0;

  summary(): LoadResult {
    const sorted = this.latencies.sorted();
    return {
      responses: this.latencies.count,
      seconds: this.seconds,
      reqPerSec: this.seconds > 0 ? this.latencies.count / this.seconds : 0,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      p99Ms: percentile(sorted, 99),
      statuses: this.statuses,
      errors: this.errors,
      timeouts: this.timeouts,
    };
  }
}

const toAutocannon = (r: LoadRequest): autocannon.Request => ({
  method: r.method as autocannon.Request['method'],
  path: r.path,
  headers: r.headers,
  ...(r.body === undefined ? {} : { body: r.body }),
});

/** One request that every connection rebuilds from the next entry of a walk they all share. */
function sharedWalk(list: LoadRequest[]): autocannon.Request {
  let next = 0;
  return { ...toAutocannon(list[0]!), setupRequest: (request) => ({ ...request, ...toAutocannon(list[next++ % list.length]!) }) };
}

/** One autocannon run of `seconds` against `target`, added to `tally`. */
function slice(target: LoadTarget, connections: number, seconds: number, tally: Tally): Promise<void> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.baseUrl,
        connections,
        duration: seconds,
        pipelining: 1,
        timeout: 10,
        requests: target.spread ? [sharedWalk(target.requests)] : target.requests.map(toAutocannon),
      },
      (err, result) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        tally.seconds += result.duration;
        tally.errors += result.errors;
        tally.timeouts += result.timeouts;
        for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
          tally.statuses[code] = (tally.statuses[code] ?? 0) + (stat.count ?? 0);
        }
        resolve();
      },
    );
    // Every response, whatever its status, so p95 exists (autocannon reports p97.5 but no p95).
    instance.on('response', (_client, _status, _bytes, responseTime) => tally.latencies.push(responseTime));
  });
}

async function run(job: LoadJob): Promise<LoadResult[]> {
  const tallies = job.targets.map(() => new Tally());
  // autocannon stops on its once-a-second tick: slices are whole seconds.
  const sliceSeconds = Math.max(1, Math.round(Math.min(job.sliceSeconds, job.durationSeconds)));
  for (let done = 0; done < job.durationSeconds; done += sliceSeconds) {
    const seconds = Math.max(1, Math.min(sliceSeconds, Math.round(job.durationSeconds - done)));
    for (const [i, target] of job.targets.entries()) await slice(target, job.connections, seconds, tallies[i]!);
  }
  return tallies.map((t) => t.summary());
}

const send = (message: FromLoadgen) => process.send?.(message);

process.on('message', (message: ToLoadgen) => {
  if (message.type !== 'run') return;
  run(message.job).then(
    (results) => send({ type: 'result', results }),
    (err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
});
// The harness is gone (or done): nothing left to do.
process.once('disconnect', () => process.exit(0));
