/**
 * The HTTP latency histogram, kept in plain arrays and handed to prom-client only when /metrics is scraped.
 * prom-client's own Histogram validates and hashes the label object and looks its bucket up by string key on every
 * observation, which cost more per request than the whole of a liveness answer's routing; here a request adds to a
 * preallocated series for its (route, method, status) and allocates nothing.
 */
type Labels = Record<string, string>;

interface Series {
  labels: Labels;
  /** Per bucket, not cumulative; the last slot is above the highest bound. */
  counts: Float64Array;
  sum: number;
  count: number;
}

interface MetricValue {
  labels: Record<string, string | number>;
  sharedLabels: Labels;
  value: number;
  metricName: string;
}

export class LatencyHistogram {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly all: Series[] = [];

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly buckets: readonly number[],
  ) {}

  /** A recorder for one label set; call it with the duration in seconds. */
  series(labels: Labels): (seconds: number) => void {
    const s: Series = { labels, counts: new Float64Array(this.buckets.length + 1), sum: 0, count: 0 };
    this.all.push(s);
    const bounds = this.buckets;
    return (seconds) => {
      let i = 0;
      while (i < bounds.length && seconds > bounds[i]!) i++;
      s.counts[i]!++;
      s.sum += seconds;
      s.count++;
    };
  }

  /** The prom-client metric shape: cumulative buckets, then sum and count, per series. */
  get(): { name: string; help: string; type: string; aggregator: string; values: MetricValue[] } {
    const values: MetricValue[] = [];
    for (const s of this.all) {
      let cumulative = 0;
      this.buckets.forEach((le, i) => {
        cumulative += s.counts[i]!;
        values.push({ labels: { le }, sharedLabels: s.labels, value: cumulative, metricName: `${this.name}_bucket` });
      });
      values.push({ labels: { le: '+Inf' }, sharedLabels: s.labels, value: s.count, metricName: `${this.name}_bucket` });
      values.push({ labels: {}, sharedLabels: s.labels, value: s.sum, metricName: `${this.name}_sum` });
      values.push({ labels: {}, sharedLabels: s.labels, value: s.count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }
}
