package vn.hoctap.bench;

import java.util.Arrays;

/** Latency percentiles from every sample (sorted array, nearest-rank): no sampling, no histogram buckets. */
record Stats(int count, double p50Ms, double p95Ms, double p99Ms, double maxMs, double meanMs) {

  static Stats of(long[] nanos) {
    if (nanos.length == 0) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    long[] s = nanos.clone();
    Arrays.sort(s);
    double sum = 0;
    for (long n : s) {
      sum += n;
    }
    return new Stats(s.length, ms(rank(s, 0.50)), ms(rank(s, 0.95)), ms(rank(s, 0.99)), ms(s[s.length - 1]),
        sum / s.length / 1e6);
  }

  private static long rank(long[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  @Override
  public String toString() {
    return String.format("n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms", count, p50Ms, p95Ms, p99Ms, maxMs);
  }
}
