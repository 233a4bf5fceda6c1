/** Latency percentiles in ms (2 decimals), from every sample of a phase (no sampling, no HDR approximation). */
export interface LatencySummary {
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
}

/** Upper bounds (ms) of the histogram buckets; the last bucket holds everything above the last bound. */
const BUCKET_BOUNDS_MS = [1, 2, 3, 5, 7.5, 10, 15, 20, 30, 50, 75, 100, 150, 250, 500, 1000, 2500];

export interface HistogramBucket {
  /** e.g. "5–7.5" or ">2500" (ms). */
  readonly range: string;
  readonly count: number;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The value below which `share` of the sorted samples fall (nearest rank). */
function percentile(sorted: Float64Array, share: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarise(samples: Float64Array): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    mean: round2(sorted.length === 0 ? 0 : sum / sorted.length),
    p50: round2(percentile(sorted, 0.5)),
    p90: round2(percentile(sorted, 0.9)),
    p99: round2(percentile(sorted, 0.99)),
    p999: round2(percentile(sorted, 0.999)),
    max: round2(sorted.length === 0 ? 0 : sorted[sorted.length - 1]!),
  };
}

export function histogram(samples: Float64Array): HistogramBucket[] {
  const counts = new Array<number>(BUCKET_BOUNDS_MS.length + 1).fill(0);
  for (const value of samples) {
    const index = BUCKET_BOUNDS_MS.findIndex((bound) => value <= bound);
    counts[index === -1 ? BUCKET_BOUNDS_MS.length : index]! += 1;
  }
  return counts.map((count, index) => ({
    range:
      index === BUCKET_BOUNDS_MS.length
        ? `>${BUCKET_BOUNDS_MS[index - 1]}`
        : `${index === 0 ? 0 : BUCKET_BOUNDS_MS[index - 1]}–${BUCKET_BOUNDS_MS[index]}`,
    count,
  }));
}
