package dev.streamer.samples.coldstart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToLongFunction;

/** The harness's printed figures: medians side by side, ratios from the same run. */
final class ColdStartReport {

  private static final int TOP_PACKAGES = 15;
  private static final int RESAMPLES = 2000;
  private static final long SEED = 17;

  private ColdStartReport() {}

  /**
   * One variant: per side the medians of wall time and CPU time to the first reply (and the two parts of the wall
   * time), then per pair the ratio of the medians and the quartiles of the per-round ratios. Adds each side's two
   * medians to {@code summary} under {@code "<side>|<variant>"}.
   */
  static void variant(ColdStartHarness.Variant variant, Map<String, List<ChildRun.Timing>> timings,
      List<String[]> pairs, Map<String, long[]> summary) {
    System.out.printf("%n== %s: %s%n", variant.name(),
        variant.options().isEmpty() ? "(unset)" : "JAVA_TOOL_OPTIONS=" + String.join(" ", variant.options()));
    System.out.printf("%-36s %12s %10s %11s %14s   %s%n", "median", "first reply", "CPU", "class init",
        "first request", "first reply of each round, ms");
    timings.forEach((side, list) -> {
      long firstReply = median(list, ChildRun.Timing::firstReplyMs);
      long cpu = median(list, ChildRun.Timing::cpuMs);
      summary.put(side + "|" + variant.name(), new long[] {firstReply, cpu});
      boolean probe = list.get(0).reply() != null; // the bare JVM reports no parts
      System.out.printf("%-36s %9d ms %10s %11s %14s   %s%n", side, firstReply, probe ? cpu + " ms" : "-",
          probe ? median(list, ChildRun.Timing::initMs) + " ms" : "-",
          probe ? median(list, ChildRun.Timing::requestMs) + " ms" : "-",
          list.stream().map(ChildRun.Timing::firstReplyMs).toList());
    });
    for (String[] pair : pairs) {
      List<ChildRun.Timing> generated = timings.get(pair[0]);
      List<ChildRun.Timing> handWritten = timings.get(pair[1]);
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < generated.size(); i++) {
        ratios.add((double) generated.get(i).firstReplyMs() / handWritten.get(i).firstReplyMs());
      }
      List<Double> sorted = ratios.stream().sorted().toList();
      double[] wall = interval(generated, handWritten, ChildRun.Timing::firstReplyMs);
      double[] cpu = interval(generated, handWritten, ChildRun.Timing::cpuMs);
      System.out.printf("%s / hand-written: first reply %.3f (ratio of medians, 90%% bootstrap interval "
              + "[%.3f, %.3f]; per round: median %.3f, quartiles [%.3f, %.3f]), CPU %.3f [%.3f, %.3f]%n", pair[0],
          ratio(generated, handWritten, ChildRun.Timing::firstReplyMs), wall[0], wall[1], quantile(sorted, 0.5),
          quantile(sorted, 0.25), quantile(sorted, 0.75), ratio(generated, handWritten, ChildRun.Timing::cpuMs),
          cpu[0], cpu[1]);
    }
  }

  /** Each side's median first reply and CPU under every variant, and their ratios to the first variant. */
  static void variantSummary(Map<String, long[]> summary) {
    Map<String, Map<String, long[]>> bySide = new LinkedHashMap<>();
    List<String> variants = new ArrayList<>();
    summary.forEach((key, medians) -> {
      String side = key.substring(0, key.indexOf('|'));
      String variant = key.substring(key.indexOf('|') + 1);
      if (!variants.contains(variant)) {
        variants.add(variant);
      }
      bySide.computeIfAbsent(side, k -> new LinkedHashMap<>()).put(variant, medians);
    });
    System.out.printf("%n== medians by variant, first reply / CPU (ratio to the first)%n");
    for (int i = 0; i < variants.size(); i++) {
      System.out.printf("  [%d] %s%n", i + 1, variants.get(i));
    }
    bySide.forEach((side, byVariant) -> {
      StringBuilder line = new StringBuilder(String.format("%-36s", side));
      long[] first = byVariant.get(variants.get(0));
      for (int i = 0; i < variants.size(); i++) {
        long[] medians = byVariant.get(variants.get(i));
        line.append(String.format("  [%d] %5d ms (%.3f) / %5d ms (%.3f)", i + 1, medians[0],
            (double) medians[0] / first[0], medians[1], (double) medians[1] / Math.max(1, first[1])));
      }
      System.out.println(line);
    });
  }

  /** Classes loaded by the generated and the hand-written side (in that order), and where they differ. */
  static void classes(String function, Map<String, ClassLoads> loads) {
    List<String> sides = List.copyOf(loads.keySet());
    ClassLoads generated = loads.get(sides.get(0));
    ClassLoads handWritten = loads.get(sides.get(1));
    System.out.printf("%n== classes loaded to the first reply, %s (template options)%n", function);
    System.out.printf("%s: %d, %s: %d, difference %+d%n", sides.get(0), generated.total(), sides.get(1),
        handWritten.total(), generated.total() - handWritten.total());
    System.out.println("difference by library (generated minus hand-written):");
    for (Map.Entry<String, Integer> e : generated.minus(handWritten, true)) {
      System.out.printf("  %+5d  %s%n", e.getValue(), e.getKey());
    }
    System.out.printf("difference by package, top %d:%n", TOP_PACKAGES);
    generated.minus(handWritten, false).stream().limit(TOP_PACKAGES)
        .forEach(e -> System.out.printf("  %+5d  %s%n", e.getValue(), e.getKey()));
  }

  /**
   * The 5th and 95th percentiles of the ratio of medians over {@value #RESAMPLES} resamples of the rounds (a round's
   * two sides stay together, as they ran side by side), from a fixed seed so that a report can be reproduced from
   * its figures. How far one run's ratio can be trusted on a noisy machine.
   */
  static double[] interval(List<ChildRun.Timing> a, List<ChildRun.Timing> b, ToLongFunction<ChildRun.Timing> figure) {
    Random random = new Random(SEED);
    int n = a.size();
    double[] ratios = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      List<Long> x = new ArrayList<>(n);
      List<Long> y = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int round = random.nextInt(n);
        x.add(figure.applyAsLong(a.get(round)));
        y.add(figure.applyAsLong(b.get(round)));
      }
      ratios[r] = (double) median(x) / Math.max(1, median(y));
    }
    Arrays.sort(ratios);
    return new double[] {ratios[(int) (RESAMPLES * 0.05)], ratios[(int) (RESAMPLES * 0.95) - 1]};
  }

  private static double ratio(List<ChildRun.Timing> a, List<ChildRun.Timing> b,
      ToLongFunction<ChildRun.Timing> figure) {
    return (double) median(a, figure) / Math.max(1, median(b, figure));
  }

  private static long median(List<ChildRun.Timing> timings, ToLongFunction<ChildRun.Timing> figure) {
    return median(timings.stream().map(t -> figure.applyAsLong(t)).toList());
  }

  static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Linear interpolation between the closest ranks of a sorted list. */
  static double quantile(List<Double> sorted, double q) {
    double position = q * (sorted.size() - 1);
    int below = (int) Math.floor(position);
    int above = (int) Math.ceil(position);
    return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (position - below);
  }
}
