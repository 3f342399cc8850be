package dev.streamer.benchmarks;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link DispatchBenchmark} and prints throughput ratios measured side by side in one run.
 *
 * <p>{@code java -jar samples/benchmarks/target/benchmarks.jar [forks] [iterations] [seconds]}; defaults 1, 5, 2.
 * Ratios, not absolute numbers, are what to compare across machines.
 */
public final class BenchmarkMain {

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    int forks = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Options options = new OptionsBuilder()
        .include(DispatchBenchmark.class.getSimpleName())
        .forks(forks)
        .warmupIterations(iterations)
        .warmupTime(TimeValue.seconds(seconds))
        .measurementIterations(iterations)
        .measurementTime(TimeValue.seconds(seconds))
        .build();
    Collection<RunResult> results = new Runner(options).run();

    // payload -> benchmark -> ops/ms
    Map<String, Map<String, Double>> scores = new TreeMap<>();
    Map<String, Map<String, Double>> errors = new TreeMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      String bench = name.substring(name.lastIndexOf('.') + 1);
      String payload = result.getParams().getParam("payload");
      scores.computeIfAbsent(payload, k -> new TreeMap<>()).put(bench, result.getPrimaryResult().getScore());
      errors.computeIfAbsent(payload, k -> new TreeMap<>()).put(bench, result.getPrimaryResult().getScoreError());
    }
    System.out.println();
    System.out.println("Throughput, ops/ms (± 99.9% error), and ratios from this one run:");
    for (Map.Entry<String, Map<String, Double>> e : scores.entrySet()) {
      Map<String, Double> s = e.getValue();
      Map<String, Double> err = errors.get(e.getKey());
      System.out.printf(Locale.ROOT, "%-7s generated %10.1f ± %.1f | databind+HV+invoke %10.1f ± %.1f | token scan %10.1f ± %.1f%n",
          e.getKey(), s.get("generated"), err.get("generated"), s.get("databind"), err.get("databind"),
          s.get("tokenScan"), err.get("tokenScan"));
      System.out.printf(Locale.ROOT, "%-7s generated / databind = %.2fx   generated / token scan (floor) = %.2f%n",
          e.getKey(), s.get("generated") / s.get("databind"), s.get("generated") / s.get("tokenScan"));
    }
  }
}
