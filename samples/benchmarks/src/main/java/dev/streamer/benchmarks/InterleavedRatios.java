package dev.streamer.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The {@link DispatchBenchmark} ratios measured so that a shared machine cannot skew them: the five ways run in
 * short alternating rounds (each about 50 ms), a ratio is taken within each round, and the median over the rounds is
 * reported. JMH runs one benchmark after the other, so a change of load between two of them skews their ratio; here
 * the load is nearly the same for the five parts of a round. Throughput and allocation come from JMH
 * ({@link BenchmarkMain}); this is for the time ratios, and prints the allocation per request of the full path and
 * the route alone too, so that one run gives every figure of the table.
 *
 * <p>{@code java -cp samples/benchmarks/target/benchmarks.jar dev.streamer.benchmarks.InterleavedRatios [rounds]
 * [shapes]}; defaults 21 rounds, all shapes ({@code small,medium,wide}).
 */
public final class InterleavedRatios {

  private InterleavedRatios() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
    System.out.printf(Locale.ROOT, "%-15s %9s %9s %9s %9s %9s | %8s %8s %10s %9s | %8s %8s %6s%n", "shape",
        "full ns", "route ns", "db ns", "dbF ns", "scan ns", "full/db", "full/dbF", "full/route", "full/scan",
        "B full", "B route", "alloc");
    String[] shapes = args.length > 1 ? args[1].split(",") : new String[] {"small", "medium", "wide"};
    for (String shape : shapes) {
      for (boolean valid : new boolean[] {true, false}) {
        DispatchBenchmark b = new DispatchBenchmark();
        b.payload = shape;
        b.valid = valid;
        b.setUp();
        List<Callable<Object>> ways = List.of(b::full, b::route, b::databind, b::databindFrame, () -> b.tokenScan());
        long[] batch = new long[ways.size()];
        for (int w = 0; w < ways.size(); w++) {
          batch[w] = calibrate(ways.get(w)); // also the warm-up
        }
        double[][] ns = new double[ways.size()][rounds];
        for (int r = 0; r < rounds; r++) {
          for (int w = 0; w < ways.size(); w++) {
            ns[w][r] = time(ways.get(w), batch[w]);
          }
        }
        double[] fullOverDb = new double[rounds];
        double[] fullOverDbFrame = new double[rounds];
        double[] fullOverRoute = new double[rounds];
        double[] fullOverScan = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          fullOverDb[r] = ns[2][r] / ns[0][r];
          fullOverDbFrame[r] = ns[3][r] / ns[0][r];
          fullOverRoute[r] = ns[0][r] / ns[1][r];
          fullOverScan[r] = ns[0][r] / ns[4][r];
        }
        double fullBytes = allocated(ways.get(0));
        double routeBytes = allocated(ways.get(1));
        b.tearDown();
        System.out.printf(Locale.ROOT,
            "%-15s %9.0f %9.0f %9.0f %9.0f %9.0f | %7.2fx %7.2fx %9.2fx %8.2fx | %8.0f %8.0f %5.2fx%n",
            shape + (valid ? " valid" : " invalid"), median(ns[0]), median(ns[1]), median(ns[2]), median(ns[3]),
            median(ns[4]), median(fullOverDb), median(fullOverDbFrame), median(fullOverRoute), median(fullOverScan),
            fullBytes, routeBytes, fullBytes / routeBytes);
      }
    }
    System.out.printf(Locale.ROOT, "%nMedians over %d interleaved rounds; ratios taken within each round.%n"
        + "full/db: times faster than databind + HV on the payload alone (target >= 5); full/dbF: the same against"
        + " databind + HV doing the router's whole work (frame in, reply out);%nfull/route: router time over the"
        + " route alone (target <= 1.2); full/scan: router time over the token scan (target <= 2 without"
        + " @Pattern/@Email).%nB full, B route: bytes allocated per request (this thread's allocation counter, as JMH's"
        + " -prof gc reads it); alloc: their ratio (target <= 1.5).%n",
        rounds);
  }

  /** Bytes allocated per operation by this thread, over a warm batch. */
  private static double allocated(Callable<Object> way) throws Exception {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    int n = 10_000;
    long before = threads.getCurrentThreadAllocatedBytes();
    time(way, n);
    return (threads.getCurrentThreadAllocatedBytes() - before) / (double) n;
  }

  /** Operations for about 50 ms, after running for about two seconds. */
  private static long calibrate(Callable<Object> way) throws Exception {
    long n = 1;
    long start = System.nanoTime();
    while (System.nanoTime() - start < 2_000_000_000L) {
      time(way, n);
      n = Math.min(n * 2, 1 << 20);
    }
    double perOp = time(way, n) / 1.0;
    return Math.max(1, (long) (50_000_000 / perOp));
  }

  private static Object sink;

  /** Nanoseconds per operation over {@code n} operations. */
  private static double time(Callable<Object> way, long n) throws Exception {
    long start = System.nanoTime();
    for (long i = 0; i < n; i++) {
      sink = way.call();
    }
    return (System.nanoTime() - start) / (double) n;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
