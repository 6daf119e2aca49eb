import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args.ts';
import type { LoadResult } from './protocol.ts';
import { evaluate, problems, table, type Measurement } from './report.ts';
import { percentile, Samples } from './stats.ts';

const load = (reqPerSec: number, over: Partial<LoadResult> = {}): LoadResult => ({
  responses: reqPerSec * 10,
  seconds: 10,
  reqPerSec,
  p50Ms: 1,
  p95Ms: 2,
  p99Ms: 3,
  statuses: { '200': reqPerSec * 10 },
  errors: 0,
  timeouts: 0,
  ...over,
});

const measured = (connections: number, rps: number, ceiling: number, over: Partial<LoadResult> = {}): Measurement => ({
  scenario: 'healthz',
  connections,
  expectStatus: 200,
  result: load(rps, over),
  ceiling: load(ceiling),
});

describe('thresholds', () => {
  it('checks the ratio at every connection count unless `at` narrows it', () => {
    const verdicts = evaluate('healthz', [{ minRatio: 0.8 }], [measured(4, 900, 1000), measured(64, 700, 1000)]);
    expect(verdicts.map((v) => v.ok)).toEqual([true, false]);
    expect(verdicts[1]!.text).toBe('✗ healthz @64: ratio to ceiling 0.70 < 0.80');
  });

  it('checks latencies only where asked, and says when a count was not measured', () => {
    const verdicts = evaluate(
      'healthz',
      [
        { p99Ms: 2.5, at: 4 },
        { p95Ms: 30, at: 16 },
      ],
      [measured(4, 1, 1), measured(64, 1, 1)],
    );
    expect(verdicts).toEqual([
      { ok: false, text: '✗ healthz @4: p99 3.00 ms > 2.50 ms' },
      { ok: true, text: '– healthz @16: not measured in this run (threshold skipped)' },
    ]);
  });
});

describe('problems', () => {
  it('flags unexpected statuses and connection errors', () => {
    const result = load(100, { statuses: { '200': 990, '429': 10 }, errors: 2, timeouts: 1 });
    expect(problems(result, 200)).toEqual(['unexpected statuses 429×10 (expected 200)', '2 connection errors (1 timeouts)']);
    expect(problems(load(100, { statuses: { '404': 1000 } }), 404)).toEqual([]);
  });
});

describe('table', () => {
  it('puts each ceiling row before its scenario row, with the ratio', () => {
    const lines = table([measured(4, 500, 1000)]).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^\| ceiling +\| +4 \| +1000 \|.*\| +— \|/);
    expect(lines[3]).toMatch(/^\| healthz +\| +4 \| +500 \|.*\| +0\.50 \|/);
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const samples = new Samples();
    for (let i = 100; i >= 1; i--) samples.push(i);
    const sorted = samples.sorted();
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100)]).toEqual([50, 95, 99, 100]);
    expect(percentile(new Float64Array(0), 50)).toBeNaN();
  });
});

describe('arguments', () => {
  it('reads scenarios and options in both spellings', () => {
    expect(parseArgs(['healthz', '--duration', '5', '--connections=8,8,128', '--no-record'])).toMatchObject({
      scenarios: ['healthz'],
      durationSeconds: 5,
      connections: [8, 128],
      record: false,
    });
  });

  it('refuses what it cannot run', () => {
    expect(() => parseArgs([])).toThrow(UsageError);
    expect(() => parseArgs(['healthz', '--connections', '4,x'])).toThrow(/whole numbers/);
    expect(() => parseArgs(['all', 'healthz'])).toThrow(/all/);
    expect(() => parseArgs(['healthz', '--fast'])).toThrow(/unknown option/);
    expect(() => parseArgs(['healthz', '--duration', '2.5'])).toThrow(/whole numbers/);
  });
});
