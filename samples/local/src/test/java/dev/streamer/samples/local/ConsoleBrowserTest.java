package dev.streamer.samples.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.streamer.local.LocalStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The dev console in a real browser: {@code src/test/console/console.browser.mjs} drives headless Chromium
 * ({@code /usr/bin/chromium}, Debian's) with npm {@code playwright-core} (installed by the build into
 * {@code target/console-test}) against the shared local stack running the sample's handlers. It sends a sync and
 * an async request from the page and checks the progress bar reaches 100% and the result shows, that a violation
 * shows next to its field, the requests and connections tables, and acting as another user; then it takes a
 * screenshot ({@code target/console-test/console.png}, or {@code -Dstreamer.console.screenshot=docs/console.png}).
 */
class ConsoleBrowserTest {

  private static final Path PLAYWRIGHT = Path.of("target/console-test/node_modules/playwright-core");
  private static final Path SCRIPT = Path.of("src/test/console/console.browser.mjs");
  private static final String CHROMIUM = System.getProperty("streamer.chromium", "/usr/bin/chromium");

  @Test
  void consoleSendsSyncAndAsyncRequestsInHeadlessChromium() throws Exception {
    assertTrue(Files.isExecutable(Path.of(CHROMIUM)), CHROMIUM + " is missing: apt-get install -y chromium"
        + " (or -Dstreamer.chromium=/path/to/chromium)");
    assertTrue(Files.isDirectory(PLAYWRIGHT), "playwright-core is not installed in " + PLAYWRIGHT.toAbsolutePath()
        + ": the build's npm install (exec-maven-plugin, generate-test-resources) did not run");
    Path screenshot = Path.of(System.getProperty("streamer.console.screenshot", "target/console-test/console.png"));

    LocalStack stack = SharedStack.get();
    ProcessBuilder builder = new ProcessBuilder(List.of(System.getProperty("streamer.node", "node"),
        SCRIPT.toAbsolutePath().toString())).redirectErrorStream(true);
    builder.environment().put("CONSOLE_URL", stack.consoleUri().toString());
    builder.environment().put("PLAYWRIGHT_CORE", PLAYWRIGHT.toAbsolutePath().toString());
    builder.environment().put("CHROMIUM", CHROMIUM);
    builder.environment().put("SCREENSHOT", screenshot.toAbsolutePath().toString());
    builder.environment().remove("NODE_OPTIONS");
    Process process = builder.start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> copy(process.getInputStream(), output), "browser-output");
    reader.start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      reader.join(10_000);
      fail("the browser test did not finish within 3 minutes:\n" + text(output));
    }
    reader.join(10_000);
    String log = text(output);
    System.out.println("---- node " + SCRIPT + "\n" + log);
    assertEquals(0, process.exitValue(), "the console's browser test failed:\n" + log);
    assertTrue(log.contains("ok: async generate_report"), log);
    assertTrue(Files.size(screenshot) > 10_000, "screenshot written: " + screenshot);
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try (in) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        synchronized (out) {
          out.write(buffer, 0, n);
        }
      }
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
