import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './latency-histogram.ts';

describe('LatencyHistogram', () => {
  const scrape = async (h: LatencyHistogram) => {
    const registry = new Registry();
    registry.registerMetric(h as never);
    return registry.metrics();
  };

  it('writes cumulative buckets with le first, +Inf, sum and count per series in the Prometheus text format', async () => {
    const h = new LatencyHistogram('lat_seconds', 'Latency', [0.01, 0.1, 1]);
    const record = h.series({ method: 'GET', route: '/a' });
    for (const v of [0.005, 0.01, 0.05, 0.5, 7]) record(v);
    const text = await scrape(h);
    expect(text).toContain('# TYPE lat_seconds histogram');
    // A value equal to a bound belongs to that bucket (le = "less than or equal").
    expect(text).toContain('lat_seconds_bucket{le="0.01",method="GET",route="/a"} 2');
    expect(text).toContain('lat_seconds_bucket{le="0.1",method="GET",route="/a"} 3');
    expect(text).toContain('lat_seconds_bucket{le="1",method="GET",route="/a"} 4');
    expect(text).toContain('lat_seconds_bucket{le="+Inf",method="GET",route="/a"} 5');
    expect(text).toContain('lat_seconds_count{method="GET",route="/a"} 5');
    const sum = /lat_seconds_sum\{method="GET",route="\/a"\} (\S+)/.exec(text)?.[1];
    expect(Number(sum)).toBeCloseTo(7.565, 9);
  });

  it('keeps series apart and escapes label values', async () => {
    const h = new LatencyHistogram('lat_seconds', 'Latency', [1]);
    h.series({ route: 'a"b\\c' })(0.5);
    h.series({ route: '/b' })(2);
    const text = await scrape(h);
    expect(text).toContain('lat_seconds_count{route="a\\"b\\\\c"} 1');
    expect(text).toContain('lat_seconds_bucket{le="1",route="/b"} 0');
    expect(text).toContain('lat_seconds_bucket{le="+Inf",route="/b"} 1');
  });
});
