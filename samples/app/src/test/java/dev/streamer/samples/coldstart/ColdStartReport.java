package dev.streamer.samples.coldstart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The harness's printed figures: medians side by side, ratios from the same run. */
final class ColdStartReport {

  private static final int TOP_PACKAGES = 15;

  private ColdStartReport() {}

  /**
   * One variant: per side the median time to first reply (and its two parts), then per pair the ratio of the
   * medians and the quartiles of the per-round ratios. Adds each side's median to {@code summary} under
   * {@code "<side>|<variant>"}.
   */
  static void variant(ColdStartHarness.Variant variant, Map<String, List<ChildRun.Timing>> timings,
      List<String[]> pairs, Map<String, Long> summary) {
    System.out.printf("%n== %s: %s%n", variant.name(),
        variant.options().isEmpty() ? "(unset)" : "JAVA_TOOL_OPTIONS=" + String.join(" ", variant.options()));
    System.out.printf("%-32s %14s %12s %14s   %s%n", "", "first reply", "class init", "first request",
        "first reply of each round, ms");
    timings.forEach((side, list) -> {
      long firstReply = median(list.stream().map(ChildRun.Timing::firstReplyMs).toList());
      summary.put(side + "|" + variant.name(), firstReply);
      System.out.printf("%-32s %11d ms %9d ms %11d ms   %s%n", side, firstReply,
          median(list.stream().map(ChildRun.Timing::initMs).toList()),
          median(list.stream().map(ChildRun.Timing::requestMs).toList()),
          list.stream().map(ChildRun.Timing::firstReplyMs).toList());
    });
    for (String[] pair : pairs) {
      List<ChildRun.Timing> generated = timings.get(pair[0]);
      List<ChildRun.Timing> handWritten = timings.get(pair[1]);
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < generated.size(); i++) {
        ratios.add((double) generated.get(i).firstReplyMs() / handWritten.get(i).firstReplyMs());
      }
      double ofMedians = (double) median(generated.stream().map(ChildRun.Timing::firstReplyMs).toList())
          / median(handWritten.stream().map(ChildRun.Timing::firstReplyMs).toList());
      List<Double> sorted = ratios.stream().sorted().toList();
      System.out.printf("%s / %s: %.3f (ratio of medians); per round: median %.3f, quartiles [%.3f, %.3f]%n",
          pair[0], pair[1].substring(pair[1].lastIndexOf(' ') + 1), ofMedians, quantile(sorted, 0.5),
          quantile(sorted, 0.25), quantile(sorted, 0.75));
    }
  }

  /** Each side's median first reply under every variant, and its ratio to the first variant. */
  static void variantSummary(Map<String, Long> summary) {
    Map<String, Map<String, Long>> bySide = new LinkedHashMap<>();
    List<String> variants = new ArrayList<>();
    summary.forEach((key, median) -> {
      String side = key.substring(0, key.indexOf('|'));
      String variant = key.substring(key.indexOf('|') + 1);
      if (!variants.contains(variant)) {
        variants.add(variant);
      }
      bySide.computeIfAbsent(side, k -> new LinkedHashMap<>()).put(variant, median);
    });
    System.out.printf("%n== median first reply by variant (ratio to \"%s\")%n", variants.get(0));
    bySide.forEach((side, byVariant) -> {
      StringBuilder line = new StringBuilder(String.format("%-32s", side));
      long first = byVariant.get(variants.get(0));
      for (String variant : variants) {
        long median = byVariant.get(variant);
        line.append(String.format("  %s: %d ms (%.3f)", variant, median, (double) median / first));
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
