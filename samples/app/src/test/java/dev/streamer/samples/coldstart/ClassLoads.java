package dev.streamer.samples.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes one JVM loaded, read from its {@code -Xlog:class+load} file, counted by package. Hidden classes
 * (lambdas, method handles) count under the package of their name, so counts of two runs compare even though their
 * generated names differ.
 *
 * @param total     classes loaded
 * @param byPackage count per package
 * @param names     count per class name, hidden classes under their name without the address suffix
 *                  ({@code Foo$$Lambda$N}, {@code LambdaForm$MH}), so that two runs compare
 */
record ClassLoads(int total, Map<String, Integer> byPackage, Map<String, Integer> names) {

  /** {@code [0.012s][info][class,load] java.lang.Object source: shared objects file}. */
  private static final Pattern LINE = Pattern.compile("\\[class,load\\s*] (\\S+) source: ");

  /** The JVM option that writes the log {@link #read} reads. */
  static String logOption(Path file) {
    return "-Xlog:class+load=info:file=" + file;
  }

  static ClassLoads read(Path file) throws IOException {
    Map<String, Integer> byPackage = new TreeMap<>();
    Map<String, Integer> names = new TreeMap<>();
    int total = 0;
    for (String line : Files.readAllLines(file)) {
      Matcher m = LINE.matcher(line);
      if (m.find()) {
        String name = m.group(1);
        int slash = name.indexOf('/');
        String plain = slash < 0 ? name : name.substring(0, slash);
        int dot = plain.lastIndexOf('.');
        byPackage.merge(dot < 0 ? "" : plain.substring(0, dot), 1, Integer::sum);
        names.merge(plain.replaceAll("\\$\\$Lambda\\$\\d+$", "\\$\\$Lambda\\$N"), 1, Integer::sum);
        total++;
      }
    }
    if (total == 0) {
      throw new IllegalStateException("no class+load lines in " + file);
    }
    return new ClassLoads(total, byPackage, names);
  }

  /**
   * The classes every one of {@code runs} loaded (per name, the fewest times any run loaded it): what a side loads
   * for certain, without the classes that some runs load and others do not (the JDK loads its whole
   * security-provider list in some runs only, about 20 classes).
   */
  static ClassLoads common(List<ClassLoads> runs) {
    Map<String, Integer> names = new TreeMap<>(runs.get(0).names);
    for (ClassLoads run : runs.subList(1, runs.size())) {
      names.replaceAll((name, n) -> Math.min(n, run.names.getOrDefault(name, 0)));
    }
    names.values().removeIf(n -> n == 0);
    Map<String, Integer> byPackage = new TreeMap<>();
    int total = 0;
    for (Map.Entry<String, Integer> e : names.entrySet()) {
      int dot = e.getKey().lastIndexOf('.');
      byPackage.merge(dot < 0 ? "" : e.getKey().substring(0, dot), e.getValue(), Integer::sum);
      total += e.getValue();
    }
    return new ClassLoads(total, byPackage, names);
  }

  /** The library a package belongs to, for the summary: the first segments that name its owner. */
  static String library(String packageName) {
    for (String prefix : List.of("dev.streamer.samples.coldstart", "dev.streamer.samples", "dev.streamer.core",
        "dev.streamer.runtime", "software.amazon.awssdk.core", "software.amazon.awssdk.services",
        "software.amazon.awssdk.http", "software.amazon.awssdk.auth", "software.amazon.awssdk.regions",
        "software.amazon.awssdk.utils", "software.amazon.awssdk", "com.fasterxml.jackson.core",
        "com.fasterxml.jackson.databind", "com.fasterxml.jackson", "com.auth0.jwt", "org.jose4j", "com.amazonaws",
        "java.util.logging", "java.util.random", "jdk.random", "java.util.concurrent", "java.util.stream",
        "java.net.http", "jdk.internal.net.http", "java.lang.invoke", "java.time", "java.util", "java.lang",
        "java.net", "java.security", "javax.crypto", "sun.security", "sun.net", "java", "jdk", "sun")) {
      if (packageName.equals(prefix) || packageName.startsWith(prefix + ".")) {
        return prefix;
      }
    }
    return packageName;
  }

  /** {@code this} minus {@code other} per package, or per {@link #library}; largest differences first. */
  List<Map.Entry<String, Integer>> minus(ClassLoads other, boolean byLibrary) {
    Map<String, Integer> difference = new TreeMap<>();
    byPackage.forEach((p, n) -> difference.merge(byLibrary ? library(p) : p, n, Integer::sum));
    other.byPackage.forEach((p, n) -> difference.merge(byLibrary ? library(p) : p, -n, Integer::sum));
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(difference.entrySet());
    entries.removeIf(e -> e.getValue() == 0);
    entries.sort(Comparator.comparing((Map.Entry<String, Integer> e) -> -Math.abs(e.getValue()))
        .thenComparing(Map.Entry::getKey));
    return entries;
  }

  /**
   * Every class name loaded by one side only (or more often by it), as lines {@code +n name} ({@code this} only)
   * and {@code -n name} ({@code other} only), sorted by name.
   */
  List<String> differenceLines(ClassLoads other) {
    Map<String, Integer> difference = new TreeMap<>(names);
    other.names.forEach((name, n) -> difference.merge(name, -n, Integer::sum));
    List<String> lines = new ArrayList<>();
    difference.forEach((name, n) -> {
      if (n != 0) {
        lines.add(String.format("%+d %s", n, name));
      }
    });
    return lines;
  }
}
