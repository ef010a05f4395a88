// The pure arithmetic of the load benchmark: exact percentiles of recorded latencies, and what counts as success.

/**
 * The p-th percentile of ascending samples by the nearest-rank method: the smallest sample that at least
 * p % of all samples are less than or equal to. Always one of the samples, never an interpolation, so a
 * reported p99 is a latency some request really had.
 */
export function percentile(sorted, p) {
  if (!(p > 0 && p <= 100)) {
    throw new RangeError(`a percentile is in (0, 100], not ${p}`);
  }
  if (sorted.length === 0) {
    return null;
  }
  // p * n first: (p / 100) * n can land a hair above a whole rank (0.07 * 100 is 7.000000000000001)
  const rank = Math.ceil((p * sorted.length) / 100);
  return sorted[Math.max(rank, 1) - 1];
}

/** Latency figures in milliseconds from unordered samples in milliseconds; nulls when there are none. */
export function summarize(samplesMs) {
  const sorted = Float64Array.from(samplesMs).sort();
  const count = sorted.length;
  let total = 0;
  for (const sample of sorted) {
    total += sample;
  }
  return {
    count,
    min: count ? sorted[0] : null,
    mean: count ? total / count : null,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: count ? sorted[count - 1] : null,
  };
}

/** Nanoseconds between two process.hrtime.bigint() readings, as milliseconds. */
export function elapsedMs(startNs, endNs) {
  return Number(endNs - startNs) / 1e6;
}

/** Only a 2xx status is a success; a 429, another status or a transport error ("error:ECONNRESET") is not. */
export function isSuccess(outcome) {
  return /^2\d\d$/.test(String(outcome));
}

/** Rounds to a fixed number of decimals for printing and the JSON summary; nulls stay null. */
export function round(value, decimals = 2) {
  if (value === null || value === undefined) {
    return null;
  }
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
