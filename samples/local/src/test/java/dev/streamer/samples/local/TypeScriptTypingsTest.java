package dev.streamer.samples.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Type-checks {@code src/test/ts/*.ts} against the generated typings ({@code sample-client.d.ts}) with
 * {@code tsc --strict --noEmit}: correct listeners compile, and each {@code @ts-expect-error} line (a listener of the
 * wrong event type, an unknown event) must be an error, or tsc fails on the unused directive.
 *
 * <p>tsc: {@code -Dstreamer.tsc=/path/to/tsc}, else the pinned {@value #TYPESCRIPT} installed with npm into
 * {@code target/typescript} (once; needs the npm registry).
 */
class TypeScriptTypingsTest {

  static final String TYPESCRIPT = "typescript@5.6.3";
  private static final Path SOURCES = Path.of("src/test/ts");
  private static final Path WORK = Path.of("target/ts-check");
  private static final Path INSTALL = Path.of("target/typescript");

  @Test
  void generatedTypingsAcceptTypedListenersAndRejectWrongOnes() throws Exception {
    List<String> command = new ArrayList<>(tsc());
    prepare();
    command.addAll(List.of("--strict", "--noEmit", "--target", "es2022", "--module", "nodenext",
        "--moduleResolution", "nodenext", "--lib", "es2022,dom"));
    try (var files = Files.list(SOURCES)) {
      files.filter(f -> f.toString().endsWith(".ts")).sorted()
          .forEach(f -> command.add(WORK.resolve(f.getFileName()).toAbsolutePath().toString()));
    }
    Result result = run(command, WORK);
    System.out.println("---- tsc\n" + result.output());
    assertEquals(0, result.exit(), "tsc --strict failed on the generated typings:\n" + result.output());
  }

  /** The generated client and typings as a user gets them, beside copies of the checks, in an ES module folder. */
  private static void prepare() throws IOException {
    Path client = WORK.resolve("client");
    Files.createDirectories(client);
    for (String name : new String[] {"sample-client.js", "sample-client.d.ts"}) {
      try (InputStream in = TypeScriptTypingsTest.class.getResourceAsStream("/META-INF/streamer/js/" + name)) {
        assertNotNull(in, "the sample app's class output has no META-INF/streamer/js/" + name);
        Files.write(client.resolve(name), in.readAllBytes());
      }
    }
    Files.writeString(WORK.resolve("package.json"), "{\"type\": \"module\", \"private\": true}\n");
    try (var files = Files.list(SOURCES)) {
      for (Path ts : files.filter(f -> f.toString().endsWith(".ts")).toList()) {
        Files.copy(ts, WORK.resolve(ts.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static List<String> tsc() throws Exception {
    String configured = System.getProperty("streamer.tsc");
    if (configured != null && !configured.isBlank()) {
      return List.of(configured);
    }
    Path installed = INSTALL.resolve("node_modules/typescript/bin/tsc");
    if (!Files.isRegularFile(installed)) {
      Files.createDirectories(INSTALL);
      Result npm = run(List.of("npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix",
          INSTALL.toAbsolutePath().toString(), TYPESCRIPT), INSTALL);
      assertTrue(npm.exit() == 0 && Files.isRegularFile(installed),
          "could not install " + TYPESCRIPT + " with npm (or pass -Dstreamer.tsc):\n" + npm.output());
    }
    return List.of("node", installed.toAbsolutePath().toString());
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command, Path dir) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().remove("NODE_OPTIONS");
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish within 5 minutes");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
