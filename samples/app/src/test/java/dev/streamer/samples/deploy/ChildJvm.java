package dev.streamer.samples.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A fresh JVM configured like a Lambda function: a class path and environment variables only (nothing inherited
 * but {@code PATH}), so the code under test sees exactly the environment it is given.
 */
final class ChildJvm {

  /** Output of a finished child. */
  record Result(int exitCode, String stdout, String stderr) {
    List<String> stdoutLines(String prefix) {
      return stdout.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }

    List<String> stderrLines(String prefix) {
      return stderr.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }
  }

  private ChildJvm() {}

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String classPath(List<Path> entries) {
    return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  /** A process builder for {@code java -cp <classPath> <mainClass> <args>} with exactly {@code env} (+ PATH). */
  static ProcessBuilder builder(List<Path> classPath, Map<String, String> env, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", classPath(classPath), mainClass));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    String path = System.getenv("PATH");
    builder.environment().clear();
    if (path != null) {
      builder.environment().put("PATH", path);
    }
    builder.environment().putAll(env);
    return builder;
  }

  /** Runs to the end (at most {@code timeoutSeconds}) and returns its output. */
  static Result run(ProcessBuilder builder, long timeoutSeconds) {
    try {
      Path out = Files.createTempFile("child-jvm", ".out");
      Path err = Files.createTempFile("child-jvm", ".err");
      try {
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("child JVM did not finish in " + timeoutSeconds + " s: "
              + builder.command());
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
