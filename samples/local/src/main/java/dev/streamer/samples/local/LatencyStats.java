package dev.streamer.samples.local;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of a set of measured durations, in milliseconds. */
record LatencyStats(String name, double p50, double p99, double mean, int count) {

  static LatencyStats of(String name, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(Double.NaN) / 1e6;
    return new LatencyStats(name, percentile(sorted, 0.50), percentile(sorted, 0.99), mean, sorted.length);
  }

  /** Nearest-rank percentile. */
  private static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  String row() {
    return String.format(Locale.ROOT, "  %-44s p50 %8.2f ms   p99 %8.2f ms   mean %8.2f ms   (n=%d)", name, p50, p99,
        mean, count);
  }
}
