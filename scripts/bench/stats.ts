/** Median and spread of a set of windows (issue 22: a ratio is reported with its spread, never alone). */
export interface Spread {
  n: number;
  median: number;
  min: number;
  max: number;
  /** Quartiles by linear interpolation between closest ranks. */
  p25: number;
  p75: number;
}

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function spread(xs: number[]): Spread {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return { n: 0, median: NaN, min: NaN, max: NaN, p25: NaN, p75: NaN };
  return { n: s.length, median: quantile(s, 0.5), min: s[0], max: s[s.length - 1], p25: quantile(s, 0.25), p75: quantile(s, 0.75) };
}
