package dev.streamer.samples.coldstart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One fresh JVM of the harness, configured like a Lambda function: a class path, the environment given (nothing
 * inherited but {@code PATH}), {@code JAVA_TOOL_OPTIONS} among it when the variant sets one.
 */
final class ChildRun {

  /**
   * What one child reported.
   *
   * @param firstReplyMs process start to the probe's figures line (after the reply), wall time seen by the parent
   * @param exitMs       process start to exit
   * @param initMs       handler class initialisation and construction, as the probe measured it
   * @param requestMs    the first {@code handleRequest}, as the probe measured it
   * @param cpuMs        CPU time of the child, all threads, at the reply (at 256 MB Lambda gives a function a
   *                     fraction of a vCPU, so this is closer to its cold start than wall time on a full core)
   * @param reply        the probe's {@code REPLY} line, or null
   */
  record Timing(long firstReplyMs, long exitMs, long initMs, long requestMs, long cpuMs, String reply) {}

  private ChildRun() {}

  /**
   * Runs {@code java [jvmArgs] -cp classPath mainClass args} to its end. For the probe, the first-reply time is
   * when its figures line arrives; for any other main it is the exit time.
   */
  static Timing run(String classPath, Map<String, String> env, List<String> jvmArgs, String mainClass,
      List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.addAll(List.of("-cp", classPath, mainClass));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    String path = System.getenv("PATH");
    builder.environment().clear();
    if (path != null) {
      builder.environment().put("PATH", path);
    }
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    long firstReply = -1;
    String reply = null;
    long[] figures = null;
    StringBuilder output = new StringBuilder();
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith(ColdStartProbe.PREFIX) && figures == null) {
          firstReply = System.nanoTime();
          figures = Arrays.stream(line.substring(ColdStartProbe.PREFIX.length()).trim().split(" "))
              .mapToLong(Long::parseLong).toArray();
        } else if (line.startsWith(ColdStartProbe.REPLY) && reply == null) {
          reply = line.substring(ColdStartProbe.REPLY.length());
        }
        output.append(line).append('\n');
      }
    }
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(mainClass + " did not finish");
    }
    long exited = System.nanoTime();
    if (process.exitValue() != 0) {
      throw new IllegalStateException(mainClass + " " + args + " exited with " + process.exitValue() + ":\n"
          + output);
    }
    if (mainClass.equals(ColdStartProbe.class.getName()) && figures == null) {
      throw new IllegalStateException("no figures from the probe:\n" + output);
    }
    long exitMs = (exited - start) / 1_000_000;
    return figures == null
        ? new Timing(exitMs, exitMs, 0, 0, 0, null)
        : new Timing((firstReply - start) / 1_000_000, exitMs, figures[0], figures[1], figures[2], reply);
  }
}
