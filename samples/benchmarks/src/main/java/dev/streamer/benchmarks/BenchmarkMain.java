package dev.streamer.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link DispatchBenchmark} and prints throughput ratios.
 *
 * <p>{@code java -jar samples/benchmarks/target/benchmarks.jar [forks] [iterations] [seconds] [rounds]}; defaults 1,
 * 5, 2, 1. JMH runs one benchmark after another, so on a shared machine a change of load between two of them skews
 * their ratio; with {@code rounds} above 1 the whole set runs that many times and the median ratio is reported next
 * to the range, which is what to quote. Ratios, not absolute numbers, are what to compare across machines. For
 * JMH's own options (profilers such as {@code -prof gc}), run {@code java -cp benchmarks.jar org.openjdk.jmh.Main}.
 */
public final class BenchmarkMain {

  private static final String[] BENCHMARKS = {"generated", "databind", "tokenScan"};

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    int forks = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Options options = new OptionsBuilder()
        .include(DispatchBenchmark.class.getSimpleName())
        .forks(forks)
        .warmupIterations(iterations)
        .warmupTime(TimeValue.seconds(seconds))
        .measurementIterations(iterations)
        .measurementTime(TimeValue.seconds(seconds))
        .build();
    // payload -> list over rounds of {generated/databind, generated/tokenScan}
    Map<String, List<double[]>> ratios = new TreeMap<>();
    for (int round = 1; round <= rounds; round++) {
      Map<String, Map<String, double[]>> scores = scores(new Runner(options).run());
      System.out.printf(Locale.ROOT, "%nRound %d of %d: throughput, ops/ms (± 99.9%% error), and ratios%n", round,
          rounds);
      for (Map.Entry<String, Map<String, double[]>> e : scores.entrySet()) {
        Map<String, double[]> s = e.getValue();
        double[] generated = s.get("generated");
        double[] databind = s.get("databind");
        double[] tokenScan = s.get("tokenScan");
        System.out.printf(Locale.ROOT,
            "%-7s generated %10.1f ± %.1f | databind+HV+invoke %10.1f ± %.1f | token scan %10.1f ± %.1f%n",
            e.getKey(), generated[0], generated[1], databind[0], databind[1], tokenScan[0], tokenScan[1]);
        double[] ratio = {generated[0] / databind[0], generated[0] / tokenScan[0]};
        System.out.printf(Locale.ROOT, "%-7s generated / databind = %.2fx   generated / token scan (floor) = %.2f%n",
            e.getKey(), ratio[0], ratio[1]);
        ratios.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(ratio);
      }
    }
    if (rounds > 1) {
      System.out.printf(Locale.ROOT, "%nMedian ratio over %d rounds [min, max]:%n", rounds);
      for (Map.Entry<String, List<double[]>> e : ratios.entrySet()) {
        double[] databind = column(e.getValue(), 0);
        double[] tokenScan = column(e.getValue(), 1);
        System.out.printf(Locale.ROOT,
            "%-7s generated / databind = %.2fx [%.2f, %.2f]   generated / token scan = %.2f [%.2f, %.2f]%n",
            e.getKey(), median(databind), databind[0], databind[databind.length - 1],
            median(tokenScan), tokenScan[0], tokenScan[tokenScan.length - 1]);
      }
    }
  }

  /** payload -> benchmark -> {score, error}. */
  private static Map<String, Map<String, double[]>> scores(Collection<RunResult> results) {
    Map<String, Map<String, double[]>> scores = new TreeMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      String bench = name.substring(name.lastIndexOf('.') + 1);
      String payload = result.getParams().getParam("payload");
      scores.computeIfAbsent(payload, k -> new TreeMap<>()).put(bench,
          new double[] {result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError()});
    }
    for (Map.Entry<String, Map<String, double[]>> e : scores.entrySet()) {
      for (String bench : BENCHMARKS) {
        if (!e.getValue().containsKey(bench)) {
          throw new IllegalStateException("no result for " + bench + " with payload " + e.getKey());
        }
      }
    }
    return scores;
  }

  /** One column, sorted. */
  private static double[] column(List<double[]> rows, int index) {
    return rows.stream().mapToDouble(r -> r[index]).sorted().toArray();
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
