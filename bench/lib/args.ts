// Command line of `npm run bench -- <scenario|all> [options]`.

export interface BenchArgs {
  /** Scenario names, or `['all']`. */
  scenarios: string[];
  durationSeconds: number;
  /** The ceiling and the scenario alternate every this many seconds until each has had `durationSeconds`. */
  sliceSeconds: number;
  warmupSeconds: number;
  connections: number[];
  /** Append to bench/RESULTS.md (off with --no-record, for quick iterations). */
  record: boolean;
  /** Load generator on core 0, servers on core 1 (off with --no-pin; see lib/pin.ts). */
  pin: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- <scenario|all> [scenario…] [options]

Options:
  --duration S        seconds of measurement per target and connection count (default 10)
  --slice S           the ceiling and the scenario alternate every S seconds (default 2; = duration: one block each)
  --connections 4,64  connection counts to measure, comma-separated (default 4,64)
  --warmup S          seconds of warm-up per target before measuring (default 10)
  --no-record         do not append the results to bench/RESULTS.md
  --no-pin            let the scheduler place the processes (default: load generator on CPU 0, servers on CPU 1)
  --help              this text

Environment:
  BENCH_DATABASE_URL  PostgreSQL database for the platform (default postgres://postgres@127.0.0.1:5432/sbz_bench;
                      created when missing)
  BENCH_APP_ENTRY     another entry point than src/server/main.ts, to measure a variant of the app (it must print
                      the same "StyleByZaga is ready at http://…" line)`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = {
    scenarios: [],
    durationSeconds: 10,
    sliceSeconds: 2,
    // The platform's request path takes several seconds of load to be compiled: a kept Journal list answered 5.3k,
    // 7.7k, 11k and then 15k req/s in four consecutive 2 s slices after start. 3 s measured it half warm (#15).
    warmupSeconds: 10,
    connections: [4, 64],
    record: true,
    pin: true,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    // Both `--duration 5` and `--duration=5`.
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--duration':
        args.durationSeconds = positiveInteger(flag, value());
        break;
      case '--slice':
        args.sliceSeconds = positiveInteger(flag, value());
        break;
      case '--warmup':
        args.warmupSeconds = nonNegativeInteger(flag, value());
        break;
      case '--connections':
        args.connections = value()
          .split(',')
          .map((c) => positiveInteger(flag, c.trim()));
        break;
      case '--no-record':
        args.record = false;
        break;
      case '--no-pin':
        args.pin = false;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
        if (!/^[a-z0-9][a-z0-9-]*$/.test(flag)) throw new UsageError(`"${flag}" is not a scenario name`);
        args.scenarios.push(flag);
    }
  }
  if (!args.help && args.scenarios.length === 0) throw new UsageError('name a scenario (or all)');
  if (args.scenarios.includes('all') && args.scenarios.length > 1)
    throw new UsageError('"all" runs every scenario; name no others with it');
  args.connections = [...new Set(args.connections)];
  return args;
}

// Whole numbers only: autocannon stops on a once-a-second tick, so seconds are whole anyway.
function nonNegativeInteger(flag: string, v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n) || n < 0 || n > 10_000) throw new UsageError(`${flag} takes whole numbers (got "${v}")`);
  return n;
}

function positiveInteger(flag: string, v: string): number {
  const n = nonNegativeInteger(flag, v);
  if (n === 0) throw new UsageError(`${flag} takes whole numbers above 0 (got "${v}")`);
  return n;
}
