package dev.streamer.deploy.artifact;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Proof that a pruned jar still holds what its SDK classes need: in a fresh JVM whose class path is the jar alone,
 * every remaining class under {@code software/amazon/awssdk/services/} is loaded, linked (verified) and initialised,
 * and each request class kept for an unused operation is loaded. A class the pruner removed although one of these
 * needs it fails here, at build time, instead of in a deployed function. {@link LambdaJarPruner#prune} runs it.
 */
public final class PrunedJarCheck {

  private static final String SERVICES = "software/amazon/awssdk/services/";
  private static final long TIMEOUT_SECONDS = 300;

  private PrunedJarCheck() {}

  /** Child-JVM main: {@code <list file>} of lines {@code init <class>} / {@code load <class>}; prints failures. */
  public static void main(String[] args) throws IOException {
    ClassLoader loader = PrunedJarCheck.class.getClassLoader();
    int count = 0;
    for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      String name = line.substring(5);
      try {
        Class.forName(name, line.startsWith("init "), loader);
      } catch (LinkageError | ClassNotFoundException e) {
        System.out.println("FAIL " + name + " " + e);
      }
      count++;
    }
    System.out.println("DONE " + count);
  }

  /**
   * The failures (class and error), none when the jar is whole.
   *
   * @param result the analysis of the pruned jar ({@link LambdaJarPruner#analyse}): which classes only load
   * @throws IOException if the jar cannot be read or the child JVM cannot run or does not finish in 5 minutes
   */
  public static List<String> failures(Path jar, UnusedSdkClasses.Result result) throws IOException {
    List<String> lines = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      file.stream().map(ZipEntry::getName)
          .filter(n -> n.startsWith(SERVICES) && n.endsWith(".class"))
          .map(n -> n.substring(0, n.length() - ".class".length()))
          .map(n -> (result.unusedButLoadable().contains(n) ? "load " : "init ") + n.replace('/', '.'))
          .sorted().forEach(lines::add);
    }
    Path list = Files.createTempFile("streamer-pruned-classes", ".txt");
    Path out = Files.createTempFile("streamer-pruned-check", ".out");
    try {
      Files.write(list, lines, StandardCharsets.UTF_8);
      // the jar first: its classes are what is checked; this class comes after it, and the child loads nothing else
      String classPath = jar.toAbsolutePath() + File.pathSeparator + ownLocation();
      Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", classPath, PrunedJarCheck.class.getName(), list.toString())
          .redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("the pruned-jar check did not finish in " + TIMEOUT_SECONDS + " s");
      }
      List<String> output = Files.readAllLines(out, StandardCharsets.UTF_8);
      List<String> failures = new ArrayList<>();
      output.stream().filter(l -> l.startsWith("FAIL ")).map(l -> l.substring(5)).forEach(failures::add);
      if (process.exitValue() != 0 || !output.contains("DONE " + lines.size())) {
        failures.add("the check ended early (exit " + process.exitValue() + "): " + String.join("\n", output));
      }
      return failures;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while checking the pruned jar", e);
    } finally {
      Files.deleteIfExists(list);
      Files.deleteIfExists(out);
    }
  }

  private static String ownLocation() throws IOException {
    try {
      return Path.of(PrunedJarCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate streamer-deploy's classes", e);
    }
  }
}
