package dev.streamer.samples.local;

import dev.streamer.local.LocalStack;
import dev.streamer.runtime.aws.tables.StreamerTables;
import dev.streamer.runtime.aws.tables.TableCreator;
import dev.streamer.client.RequestListener;
import dev.streamer.client.StreamerClient;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Measures the sample on the local stack, next to the raw cost of the DynamoDB Local operations each path needs,
 * measured in the same run with the same HTTP client. Not a test: run it by hand (see the README).
 *
 * <ul>
 *   <li>sync {@code echo}: $default → connection lookup (GetItem) → route → reply on the socket.
 *   <li>ack of an async {@code generate_report}: GetItem + conditional PutItem (enqueue) → ack.
 *   <li>async completion (a one-step report): the ack's operations, stream delivery, claim (conditional UpdateItem),
 *       progress (UpdateItem), completion (conditional UpdateItem), and two {@code @connections} POSTs.
 *   <li>throughput: 50 clients, each with {@value #OUTSTANDING} requests outstanding, for a fixed time.
 *   <li>jobs at scale ({@link JobsBenchmark}): makespan of 100 two-second jobs, tiny-job completions beside DynamoDB
 *       Local's write rate, crash-to-rerun time.
 * </ul>
 *
 * Arguments (all optional): {@code --samples N} (sequential samples per latency, default 500), {@code --seconds S}
 * (throughput window, default 10), {@code --only jobs} (only the jobs-at-scale part).
 */
public final class LocalStackBenchmark {

  private static final int CLIENTS = 50;
  private static final int OUTSTANDING = 4;
  private static final String ECHO = "{\"message\":\"benchmark\"}";
  private static final String ONE_STEP_REPORT =
      "{\"startDate\":\"2024-01-01\",\"endDate\":\"2024-01-02\",\"recordCount\":1}";
  private static final Logger[] QUIETED = {Logger.getLogger("com.amazonaws"), Logger.getLogger("org.eclipse.jetty")};

  private LocalStackBenchmark() {}

  public static void main(String[] args) throws Exception {
    int samples = 500;
    int seconds = 10;
    String only = "all";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--samples" -> samples = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--only" -> only = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (System.getProperty("sample.report.stepMillis") == null) {
      // the report's own work: steps of 50 ms, so a one-step report takes 50 ms and a 40-step one 2 s
      System.setProperty("sample.report.stepMillis", "50");
    }
    QUIETED[0].setLevel(Level.SEVERE);
    QUIETED[1].setLevel(Level.WARNING);
    PrintStream console = System.out;
    Path logFile = Path.of("local-benchmark-handlers.log").toAbsolutePath();
    try (PrintStream logs = new PrintStream(new FileOutputStream(logFile.toFile()), true, StandardCharsets.UTF_8)) {
      System.setOut(logs);
      try (LocalStack stack = stackBuilder().start()) {
        if (only.equals("jobs")) {
          new JobsBenchmark(stack, console).run(seconds);
        } else {
          new LocalStackBenchmark().run(stack, samples, seconds, console);
        }
      } finally {
        System.setOut(console);
      }
    }
  }

  /** The sample's stack as every benchmark here runs it: handlers logging warnings only. */
  static LocalStack.Builder stackBuilder() {
    return SampleStack.builder().banner(null).environment(Map.of("LOG_LEVEL", "WARN", "SERVICE_NAME", "benchmark"));
  }

  private void run(LocalStack stack, int samples, int seconds, PrintStream out) throws Exception {
    out.printf(Locale.ROOT, "Local stack benchmark: %d cores, Java %s, %d sequential samples, %d s throughput%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), samples, seconds);
    out.println("(DynamoDB Local, gateway, handlers and clients share this JVM and machine; handler logs: "
        + "local-benchmark-handlers.log)");
    try (StreamerClient client = client(stack)) {
      client.connect().get(30, TimeUnit.SECONDS);
      out.println("warming up…");
      for (int i = 0; i < 300; i++) {
        client.request("echo", ECHO).get(30, TimeUnit.SECONDS);
      }
      for (int i = 0; i < 50; i++) {
        client.request("generate_report", ONE_STEP_REPORT).get(60, TimeUnit.SECONDS);
      }
      Raw raw = measureDynamoDb(stack.dynamoDb(), samples);
      LatencyStats sync = measure("sync echo (send → result)", samples, () -> client.request("echo", ECHO));
      LatencyStats ack = measureAck(client, samples);
      LatencyStats async = measure("async one-step report (send → result)", Math.max(50, samples / 5),
          () -> client.request("generate_report", ONE_STEP_REPORT));

      out.println();
      out.println("DynamoDB Local, raw operations (same endpoint, same url-connection client):");
      out.println(raw.get.row());
      out.println(raw.put.row());
      out.println(raw.update.row());
      out.println();
      out.println("Paths through the local stack (one client, one request at a time):");
      out.println(sync.row());
      out.println(ack.row());
      out.println(async.row());
      out.println();
      out.println("Ratios of p50 to the raw DynamoDB work the path needs:");
      ratio(out, sync, "1 GetItem", raw.get.p50());
      ratio(out, ack, "1 GetItem + 1 PutItem", raw.get.p50() + raw.put.p50());
      ratio(out, async, "1 GetItem + 1 PutItem + 3 UpdateItem", raw.get.p50() + raw.put.p50()
          + 3 * raw.update.p50());
    }
    out.println();
    out.println("Throughput with " + CLIENTS + " clients, " + OUTSTANDING + " requests outstanding each:");
    double syncRate = throughput(stack, seconds, false);
    out.printf(Locale.ROOT, "  %-44s %8.0f requests/s%n", "sync echo", syncRate);
    double asyncRate = throughput(stack, seconds, true);
    out.printf(Locale.ROOT, "  %-44s %8.0f requests/s%n", "async one-step report (completed)", asyncRate);
    new JobsBenchmark(stack, out).run(seconds);
  }

  private static void ratio(PrintStream out, LatencyStats path, String needs, double rawMillis) {
    out.printf(Locale.ROOT, "  %-44s %6.2f ms of DynamoDB (%s): path/raw = %.1fx%n", path.name(), rawMillis,
        needs, path.p50() / rawMillis);
  }

  private static StreamerClient client(LocalStack stack) {
    return StreamerClient.builder(stack.webSocketUri()).token(stack.devToken())
        .requestTimeout(Duration.ofMinutes(2)).build();
  }

  @FunctionalInterface
  private interface Call {
    CompletableFuture<String> start();
  }

  private static LatencyStats measure(String name, int samples, Call call) throws Exception {
    long[] nanos = new long[samples];
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      call.start().get(60, TimeUnit.SECONDS);
      nanos[i] = System.nanoTime() - start;
    }
    return LatencyStats.of(name, nanos);
  }

  private static LatencyStats measureAck(StreamerClient client, int samples) throws Exception {
    long[] nanos = new long[samples];
    for (int i = 0; i < samples; i++) {
      CompletableFuture<Long> acked = new CompletableFuture<>();
      long start = System.nanoTime();
      CompletableFuture<String> done = client.request("generate_report", ONE_STEP_REPORT, new RequestListener() {
        @Override
        public void onAck(String requestId) {
          acked.complete(System.nanoTime());
        }
      }, Duration.ofMinutes(1));
      nanos[i] = acked.get(60, TimeUnit.SECONDS) - start;
      done.get(60, TimeUnit.SECONDS); // one job at a time, so the next ack does not queue behind it
    }
    return LatencyStats.of("async ack (send → ack)", nanos);
  }

  private record Raw(LatencyStats get, LatencyStats put, LatencyStats update) {}

  /** The three operations on a scratch copy of the requests table, with a request-sized item. */
  private static Raw measureDynamoDb(DynamoDbClient dynamoDb, int samples) {
    String table = "benchmark-requests";
    TableCreator.createIfMissing(dynamoDb, StreamerTables.REQUESTS, table);
    long[] get = new long[samples];
    long[] put = new long[samples];
    long[] update = new long[samples];
    for (int round = 0; round < 2; round++) { // the first round warms up
      for (int i = 0; i < samples; i++) {
        String id = "bench-" + round + "-" + i;
        long t0 = System.nanoTime();
        dynamoDb.putItem(b -> b.tableName(table).item(item(id)).conditionExpression("attribute_not_exists(#id)")
            .expressionAttributeNames(Map.of("#id", "requestId")));
        long t1 = System.nanoTime();
        dynamoDb.updateItem(b -> b.tableName(table).key(Map.of("requestId", AttributeValue.fromS(id)))
            .updateExpression("SET #s = :processing, #a = #a + :one, leaseExpiresAt = :lease")
            .conditionExpression("#s = :pending")
            .expressionAttributeNames(Map.of("#s", "status", "#a", "attempts"))
            .expressionAttributeValues(Map.of(":processing", AttributeValue.fromS("PROCESSING"),
                ":pending", AttributeValue.fromS("PENDING"), ":one", AttributeValue.fromN("1"),
                ":lease", AttributeValue.fromN(String.valueOf(System.currentTimeMillis() + 60_000)))));
        long t2 = System.nanoTime();
        dynamoDb.getItem(b -> b.tableName(table).key(Map.of("requestId", AttributeValue.fromS(id)))
            .consistentRead(true));
        long t3 = System.nanoTime();
        put[i] = t1 - t0;
        update[i] = t2 - t1;
        get[i] = t3 - t2;
      }
    }
    return new Raw(LatencyStats.of("GetItem (consistent)", get), LatencyStats.of("PutItem (conditional)", put),
        LatencyStats.of("UpdateItem (conditional claim)", update));
  }

  private static Map<String, AttributeValue> item(String id) {
    long now = System.currentTimeMillis();
    return Map.ofEntries(
        Map.entry("requestId", AttributeValue.fromS(id)),
        Map.entry("status", AttributeValue.fromS("PENDING")),
        Map.entry("action", AttributeValue.fromS("generate_report")),
        Map.entry("payload", AttributeValue.fromS(ONE_STEP_REPORT)),
        Map.entry("clientId", AttributeValue.fromS("c-1")),
        Map.entry("userId", AttributeValue.fromS("dev-user")),
        Map.entry("tenantId", AttributeValue.fromS("dev-tenant")),
        Map.entry("connectionId", AttributeValue.fromS("AAAAAAAAAAAAAAA=")),
        Map.entry("createdAt", AttributeValue.fromN(String.valueOf(now))),
        Map.entry("ttl", AttributeValue.fromN(String.valueOf(now / 1000 + 7 * 86_400))),
        Map.entry("retryCount", AttributeValue.fromN("0")),
        Map.entry("maxRetries", AttributeValue.fromN("3")),
        Map.entry("attempts", AttributeValue.fromN("0")));
  }

  /** Completed requests per second with 50 clients keeping {@value #OUTSTANDING} requests each in flight. */
  private static double throughput(LocalStack stack, int seconds, boolean async) throws Exception {
    List<StreamerClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < CLIENTS; i++) {
        StreamerClient client = client(stack);
        client.connect().get(30, TimeUnit.SECONDS);
        clients.add(client);
      }
      AtomicLong completed = new AtomicLong();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      List<CompletableFuture<Void>> loops = new ArrayList<>();
      for (StreamerClient client : clients) {
        for (int k = 0; k < OUTSTANDING; k++) {
          loops.add(loop(client, async, end, completed));
        }
      }
      long start = System.nanoTime();
      CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(seconds + 120L, TimeUnit.SECONDS);
      return completed.get() / ((System.nanoTime() - start) / 1e9);
    } finally {
      clients.forEach(StreamerClient::close);
    }
  }

  /** Sends one request after another until {@code endNanos}. */
  private static CompletableFuture<Void> loop(StreamerClient client, boolean async, long endNanos,
      AtomicLong completed) {
    if (System.nanoTime() >= endNanos) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<String> call = async ? client.request("generate_report", ONE_STEP_REPORT)
        : client.request("echo", ECHO);
    return call.thenCompose(result -> {
      completed.incrementAndGet();
      return loop(client, async, endNanos, completed);
    });
  }
}
