// Turning measurements into a table, problems and threshold verdicts. Pure functions, unit-tested.
import type { Threshold } from '../scenario.ts';
import type { LoadResult } from './protocol.ts';

/** One connection count of one scenario: the scenario and the ceiling, measured back to back. */
export interface Measurement {
  scenario: string;
  connections: number;
  expectStatus: number | readonly number[];
  result: LoadResult;
  ceiling: LoadResult;
}

export interface Verdict {
  ok: boolean;
  text: string;
}

export const ratio = (m: Measurement): number => (m.ceiling.reqPerSec > 0 ? m.result.reqPerSec / m.ceiling.reqPerSec : 0);

/** Why a measurement cannot be trusted: connection errors, timeouts, statuses other than the expected one. */
export function problems(result: LoadResult, expectStatus: number | readonly number[]): string[] {
  const found: string[] = [];
  const allowed = typeof expectStatus === 'number' ? [expectStatus] : expectStatus;
  const unexpected = Object.entries(result.statuses).filter(([code, n]) => !allowed.includes(Number(code)) && n > 0);
  if (unexpected.length)
    found.push(`unexpected statuses ${unexpected.map(([code, n]) => `${code}×${n}`).join(', ')} (expected ${allowed.join(' or ')})`);
  if (result.errors > 0) found.push(`${result.errors} connection errors (${result.timeouts} timeouts)`);
  if (result.responses === 0) found.push('no responses at all');
  return found;
}

const nonSuccess = (r: LoadResult) =>
  Object.entries(r.statuses).reduce((sum, [code, n]) => (Number(code) >= 200 && Number(code) < 300 ? sum : sum + n), 0);

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '—');

/** The results as a Markdown table (readable in a terminal as well): each scenario row follows its ceiling row. */
export function table(measurements: Measurement[]): string {
  const header = ['scenario', 'connections', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'ratio', 'non-2xx', 'errors'];
  const row = (name: string, c: number, r: LoadResult, rat: string) => [
    name,
    String(c),
    Math.round(r.reqPerSec).toString(),
    ms(r.p50Ms),
    ms(r.p95Ms),
    ms(r.p99Ms),
    rat,
    String(nonSuccess(r)),
    String(r.errors),
  ];
  const rows = measurements.flatMap((m) => [
    row('ceiling', m.connections, m.ceiling, '—'),
    row(m.scenario, m.connections, m.result, ratio(m).toFixed(2)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  // Names left-aligned, numbers right-aligned, as Markdown's `--:` says.
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Every criterion of every threshold at every connection count it applies to. */
export function evaluate(name: string, thresholds: Threshold[], measurements: Measurement[]): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const t of thresholds) {
    const counts = t.at === undefined ? undefined : Array.isArray(t.at) ? t.at : [t.at];
    const applicable = measurements.filter((m) => m.scenario === name && (!counts || counts.includes(m.connections)));
    for (const c of counts ?? []) {
      if (!applicable.some((m) => m.connections === c))
        verdicts.push({ ok: true, text: `– ${name} @${c}: not measured in this run (threshold skipped)` });
    }
    for (const m of applicable) {
      const at = `${name} @${m.connections}`;
      const check = (label: string, value: number, op: '≥' | '≤', limit: number, fmt: (v: number) => string) => {
        const ok = op === '≥' ? value >= limit : value <= limit;
        verdicts.push({ ok, text: `${ok ? '✓' : '✗'} ${at}: ${label} ${fmt(value)} ${ok ? op : op === '≥' ? '<' : '>'} ${fmt(limit)}` });
      };
      if (t.minRatio !== undefined) check('ratio to ceiling', ratio(m), '≥', t.minRatio, (v) => v.toFixed(2));
      if (t.minRps !== undefined) check('req/s', m.result.reqPerSec, '≥', t.minRps, (v) => Math.round(v).toString());
      if (t.p50Ms !== undefined) check('p50', m.result.p50Ms, '≤', t.p50Ms, (v) => `${v.toFixed(2)} ms`);
      if (t.p95Ms !== undefined) check('p95', m.result.p95Ms, '≤', t.p95Ms, (v) => `${v.toFixed(2)} ms`);
      if (t.p99Ms !== undefined) check('p99', m.result.p99Ms, '≤', t.p99Ms, (v) => `${v.toFixed(2)} ms`);
    }
  }
  return verdicts;
}
