package dev.streamer.samples.local;

import dev.streamer.client.StreamerClient;
import dev.streamer.core.limits.RateLimit;
import dev.streamer.local.LocalStack;
import dev.streamer.runtime.aws.internal.limits.FixedWindowCounters;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cost of a rate-limit check on the sync path, in one run: {@code echo} without a limit, with a per-user limit
 * (one conditional UpdateItem) and with a per-user and a per-tenant limit (two), next to the raw conditional
 * UpdateItem the check makes, through the same endpoint and HTTP client. The limits ({@code RATE_LIMITS}, for
 * dedicated tenants) are high enough never to refuse. The three paths are sampled in turn, so that drift in a
 * shared machine's load spreads over all of them. Not a test: run it by hand (see the README).
 *
 * <p>Argument (optional): {@code --samples N} per path (default 1000).
 */
public final class RateLimitBenchmark {

  private static final String ECHO = "{\"message\":\"benchmark\"}";
  private static final String RATE_LIMITS =
      "user-limited/echo.user=1000000000/1h, both-limited/echo.user=1000000000/1h,"
          + " both-limited/echo.tenant=1000000000/1h";

  private RateLimitBenchmark() {}

  public static void main(String[] args) throws Exception {
    int samples = args.length == 2 && args[0].equals("--samples") ? Integer.parseInt(args[1]) : 1000;
    Logger.getLogger("com.amazonaws").setLevel(Level.SEVERE);
    Logger.getLogger("org.eclipse.jetty").setLevel(Level.WARNING);
    PrintStream console = System.out;
    Path logFile = Path.of("rate-limit-benchmark-handlers.log").toAbsolutePath();
    try (PrintStream logs = new PrintStream(new FileOutputStream(logFile.toFile()), true, StandardCharsets.UTF_8)) {
      System.setOut(logs);
      try (LocalStack stack = SampleStack.builder().banner(null)
          .environment(Map.of("LOG_LEVEL", "WARN", "SERVICE_NAME", "benchmark", "RATE_LIMITS", RATE_LIMITS))
          .start()) {
        run(stack, samples, console);
      } finally {
        System.setOut(console);
      }
    }
    System.exit(0); // DynamoDB Local may leave a non-daemon thread behind
  }

  private static void run(LocalStack stack, int samples, PrintStream out) throws Exception {
    out.printf(Locale.ROOT, "Rate-limit benchmark: %d cores, Java %s, %d samples per path, interleaved%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), samples);
    FixedWindowCounters counters =
        new FixedWindowCounters(stack.dynamoDb(), stack.tables().connections(), Clock.systemUTC());
    RateLimit never = RateLimit.parse("1000000000/1h");
    try (StreamerClient free = client(stack, "free");
        StreamerClient user = client(stack, "user-limited");
        StreamerClient both = client(stack, "both-limited")) {
      for (StreamerClient c : new StreamerClient[] {free, user, both}) {
        c.connect().get(30, TimeUnit.SECONDS);
      }
      out.println("warming up…");
      for (int i = 0; i < 300; i++) {
        free.request("echo", ECHO).get(30, TimeUnit.SECONDS);
        user.request("echo", ECHO).get(30, TimeUnit.SECONDS);
        both.request("echo", ECHO).get(30, TimeUnit.SECONDS);
        counters.acquire("user:raw", "bench", never);
      }
      long[] freeNanos = new long[samples];
      long[] userNanos = new long[samples];
      long[] bothNanos = new long[samples];
      long[] rawNanos = new long[samples];
      for (int i = 0; i < samples; i++) {
        freeNanos[i] = time(() -> free.request("echo", ECHO).get(30, TimeUnit.SECONDS));
        userNanos[i] = time(() -> user.request("echo", ECHO).get(30, TimeUnit.SECONDS));
        bothNanos[i] = time(() -> both.request("echo", ECHO).get(30, TimeUnit.SECONDS));
        rawNanos[i] = time(() -> counters.acquire("user:raw", "bench", never));
      }
      LatencyStats raw = LatencyStats.of("raw conditional UpdateItem (ADD if <)", rawNanos);
      LatencyStats none = LatencyStats.of("sync echo, no limit", freeNanos);
      LatencyStats one = LatencyStats.of("sync echo, per-user limit", userNanos);
      LatencyStats two = LatencyStats.of("sync echo, per-user + per-tenant limit", bothNanos);
      out.println();
      for (LatencyStats row : new LatencyStats[] {raw, none, one, two}) {
        out.println(row.row());
      }
      out.println();
      out.println("Cost of the check (p50 of the path minus p50 without a limit), against the raw UpdateItem:");
      cost(out, one, none, raw, 1);
      cost(out, two, none, raw, 2);
    }
  }

  private static void cost(PrintStream out, LatencyStats limited, LatencyStats none, LatencyStats raw, int updates) {
    double added = limited.p50() - none.p50();
    out.printf(Locale.ROOT, "  %-44s +%6.2f ms = %.2fx the path without limit; %.2fx %d raw UpdateItem%n",
        limited.name(), added, limited.p50() / none.p50(), added / (updates * raw.p50()), updates);
  }

  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  private static long time(Step step) throws Exception {
    long start = System.nanoTime();
    step.run();
    return System.nanoTime() - start;
  }

  private static StreamerClient client(LocalStack stack, String tenant) {
    return StreamerClient.builder(stack.webSocketUri())
        .token(stack.mintToken("bench-" + tenant, tenant, Duration.ofHours(1)))
        .requestTimeout(Duration.ofMinutes(1)).build();
  }
}
