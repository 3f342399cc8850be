package dev.streamer.samples.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.streamer.local.LocalStack;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the Node tests of the generated JavaScript client ({@code src/test/js/*.test.mjs}) against the shared local
 * stack, which runs the sample's generated handlers: the client module is taken from the sample app's class output
 * ({@code META-INF/streamer/js/sample-client.js}), Node is given the stack's URL and a development token in
 * environment variables, and this test passes when {@code node --test} exits 0. Node's output is always printed.
 *
 * <p>Needs Node.js 20 or newer on the PATH (or {@code -Dstreamer.node=/path/to/node}); without it the test fails.
 * Node 22+ has a global WebSocket; on Node 20 and 21 it is enabled with {@code --experimental-websocket}.
 */
class JavaScriptClientTest {

  private static final Path TESTS = Path.of("src/test/js");
  private static final Path CLIENT_DIR = Path.of("target/js-client");
  private static final String USER = "js-user";
  private static final String TENANT = "js-tenant";

  @Test
  void generatedJavaScriptClientPassesItsNodeTestsAgainstTheLocalStack() throws Exception {
    String node = nodeExecutable();
    int major = nodeMajorVersion(node);
    assertTrue(major >= 20, "the JavaScript client needs Node.js >= 20; " + node + " is version " + major);

    Path module = installClient();
    List<Path> testFiles;
    try (Stream<Path> files = Files.list(TESTS)) {
      testFiles = files.filter(f -> f.getFileName().toString().endsWith(".test.mjs")).sorted().toList();
    }
    assertFalse(testFiles.isEmpty(), "no Node tests in " + TESTS.toAbsolutePath());

    List<String> command = new ArrayList<>(List.of(node));
    if (major < 22) {
      command.add("--experimental-websocket"); // Node 22 made the global WebSocket stable
    }
    command.add("--test");
    command.add("--test-reporter=spec");
    testFiles.forEach(f -> command.add(f.toAbsolutePath().toString()));

    LocalStack stack = SharedStack.get();
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(Map.of(
        "STREAMER_WS_URL", stack.webSocketUri().toString(),
        "STREAMER_TOKEN", stack.mintToken(USER, TENANT, Duration.ofHours(1)),
        "STREAMER_USER", USER,
        "STREAMER_TENANT", TENANT,
        "STREAMER_CLIENT_MODULE", module.toAbsolutePath().toString(),
        // a tenant SharedStack.RATE_LIMITS limits to 2 echoes per 2 s
        "STREAMER_LIMITED_TOKEN", stack.mintToken("js-limited-user", "js-limited", Duration.ofHours(1))));
    builder.environment().remove("NODE_OPTIONS");
    Process process = builder.start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> copy(process.getInputStream(), output), "node-output");
    reader.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      reader.join(10_000);
      fail("node --test did not finish within 5 minutes:\n" + text(output));
    }
    reader.join(10_000);
    String log = text(output);
    System.out.println("---- node " + String.join(" ", command.subList(1, command.size())) + "\n" + log);
    assertEquals(0, process.exitValue(), "Node tests of the JavaScript client failed:\n" + log);
    Matcher passed = Pattern.compile("(?m)^\\S*\\s*pass (\\d+)$").matcher(log);
    assertTrue(passed.find() && Integer.parseInt(passed.group(1)) > 0, "no Node test passed:\n" + log);
  }

  /** Copies the generated client out of the sample app's class output, as a user would, next to a package.json. */
  private static Path installClient() throws IOException {
    Files.createDirectories(CLIENT_DIR);
    Path module = CLIENT_DIR.resolve("sample-client.js");
    for (String name : new String[] {"sample-client.js", "sample-client.d.ts"}) {
      try (InputStream in = JavaScriptClientTest.class.getResourceAsStream("/META-INF/streamer/js/" + name)) {
        assertNotNull(in, "the sample app's class output has no META-INF/streamer/js/" + name);
        Files.write(CLIENT_DIR.resolve(name), in.readAllBytes());
      }
    }
    // .js files are ES modules only under a package.json that says so (or rename the file to .mjs)
    Files.writeString(CLIENT_DIR.resolve("package.json"), "{\"type\": \"module\", \"private\": true}\n");
    return module;
  }

  private static String nodeExecutable() {
    String configured = System.getProperty("streamer.node");
    if (configured != null && !configured.isBlank()) {
      assertTrue(Files.isExecutable(Path.of(configured)), "-Dstreamer.node=" + configured + " is not an executable");
      return configured;
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        for (String name : new String[] {"node", "node.exe"}) {
          Path candidate = Path.of(dir, name);
          if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
            return candidate.toString();
          }
        }
      }
    }
    return fail("node is not on the PATH: the tests of the generated JavaScript client need Node.js >= 20 (install"
        + " it, e.g. `apt-get install nodejs`, or pass -Dstreamer.node=/path/to/node)");
  }

  private static int nodeMajorVersion(String node) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(node, "--version").redirectErrorStream(true).start();
    String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "node --version did not finish");
    Matcher m = Pattern.compile("^v(\\d+)\\.").matcher(version);
    assertTrue(m.find(), "unexpected output of node --version: " + version);
    return Integer.parseInt(m.group(1));
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try (in) {
      in.transferTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(ByteArrayOutputStream output) {
    synchronized (output) {
      return output.toString(StandardCharsets.UTF_8);
    }
  }
}
