package dev.streamer.benchmarks;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link DispatchBenchmark} with JMH's GC profiler and prints, per payload shape and validity, throughput and
 * allocation side by side with the ratios the issue-15 targets are stated in.
 *
 * <p>{@code java -jar samples/benchmarks/target/benchmarks.jar [forks] [iterations] [seconds] [shapes]}; defaults 1,
 * 5, 2, all shapes ({@code small,medium,wide}). Ratios, not absolute numbers, are what to compare across machines;
 * on a shared machine a change of load between two benchmarks skews their ratio, so repeat a run before trusting a
 * close call. For JMH's own options, run {@code java -cp benchmarks.jar org.openjdk.jmh.Main}.
 */
public final class BenchmarkMain {

  private static final String[] BENCHMARKS = {"full", "route", "databind", "databindFrame", "tokenScan"};

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    int forks = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(DispatchBenchmark.class.getSimpleName())
        .addProfiler(GCProfiler.class)
        .forks(forks)
        .warmupIterations(iterations)
        .warmupTime(TimeValue.seconds(seconds))
        .measurementIterations(iterations)
        .measurementTime(TimeValue.seconds(seconds));
    if (args.length > 3) {
      options.param("payload", args[3].split(","));
    }
    Map<String, Map<String, double[]>> scores = scores(new Runner(options.build()).run());

    System.out.printf(Locale.ROOT, "%nThroughput in ops/ms (± 99.9%% error); allocation in bytes/op%n");
    System.out.printf(Locale.ROOT, "%-13s %16s %16s %16s %16s %16s | %8s %8s %9s %9s | %9s %9s %7s%n", "shape",
        "full", "route", "databind+HV", "db+HV frame", "token scan", "full/db", "full/dbF", "full/route", "full/scan",
        "B/op full", "B/op route", "alloc");
    for (Map.Entry<String, Map<String, double[]>> e : scores.entrySet()) {
      Map<String, double[]> s = e.getValue();
      double[] full = s.get("full");
      double[] route = s.get("route");
      double[] databind = s.get("databind");
      double[] frame = s.get("databindFrame");
      double[] scan = s.get("tokenScan");
      System.out.printf(Locale.ROOT, "%-13s %9.1f ± %-4.1f %9.1f ± %-4.1f %9.1f ± %-4.1f %9.1f ± %-4.1f %9.1f ± %-4.1f"
          + " | %7.2fx %7.2fx %8.2fx %8.2fx | %9.0f %9.0f %6.2fx%n",
          e.getKey(), full[0], full[1], route[0], route[1], databind[0], databind[1], frame[0], frame[1], scan[0],
          scan[1], full[0] / databind[0], full[0] / frame[0], route[0] / full[0], scan[0] / full[0], full[2], route[2],
          full[2] / route[2]);
    }
    System.out.printf(Locale.ROOT, "%nfull/db: how many times faster the router is than databind + HV on the payload"
        + " alone (target >= 5).%nfull/dbF: the same against databind + HV doing the router's whole work, frame in,"
        + " reply out.%nfull/route: the router's time over the route alone's (target <= 1.2)."
        + "%nfull/scan: the router's time over the token scan's, the floor (target <= 2 without @Pattern/@Email)."
        + "%nalloc: the router's allocation over the route alone's (target <= 1.5).%n");
  }

  /** "shape valid|invalid" -> benchmark -> {score, error, bytes/op}. */
  private static Map<String, Map<String, double[]>> scores(Collection<RunResult> results) {
    Map<String, Map<String, double[]>> scores = new TreeMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      String bench = name.substring(name.lastIndexOf('.') + 1);
      String key = result.getParams().getParam("payload") + " "
          + (Boolean.parseBoolean(result.getParams().getParam("valid")) ? "valid" : "invalid");
      Result<?> alloc = result.getSecondaryResults().get("·gc.alloc.rate.norm");
      if (alloc == null) {
        alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
      }
      scores.computeIfAbsent(key, k -> new TreeMap<>()).put(bench, new double[] {
          result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError(),
          alloc == null ? Double.NaN : alloc.getScore()});
    }
    for (Map.Entry<String, Map<String, double[]>> e : scores.entrySet()) {
      for (String bench : BENCHMARKS) {
        if (!e.getValue().containsKey(bench)) {
          throw new IllegalStateException("no result for " + bench + " with " + e.getKey());
        }
      }
    }
    return scores;
  }
}
