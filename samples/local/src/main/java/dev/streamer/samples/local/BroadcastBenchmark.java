package dev.streamer.samples.local;

import dev.streamer.client.StreamerClient;
import dev.streamer.local.LocalStack;
import dev.streamer.runtime.aws.internal.connections.ManagementApiClients;
import dev.streamer.runtime.aws.tables.StreamerTables;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One server event to N WebSocket connections of a tenant on the local stack (default 1,000): the sample's
 * {@code announce} action (sync: route → notifier → tenant index pages → bounded concurrent {@code @connections}
 * POSTs), beside plain loops of raw {@code @connections} POSTs of the same message to the same connections with the
 * SDK client built as the runtime builds it ({@link ManagementApiClients}), sequential and with as many threads as
 * the broadcaster uses, in the same run. Rounds alternate;
 * each round waits until every socket has the message. Not a test: run it by hand (see the README).
 *
 * <p>Arguments (all optional): {@code --connections N} (default 1000), {@code --rounds R} (default 5).
 */
public final class BroadcastBenchmark {

  private static final String TENANT = "broadcast-bench";
  private static final int THREADS = dev.streamer.runtime.aws.internal.connections.EventBroadcaster.DEFAULT_CONCURRENCY;

  private final AtomicLong received = new AtomicLong();

  private BroadcastBenchmark() {}

  public static void main(String[] args) throws Exception {
    int connections = 1000;
    int rounds = 5;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--connections" -> connections = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Logger.getLogger("org.eclipse.jetty").setLevel(Level.WARNING);
    PrintStream console = System.out;
    Path logFile = Path.of("broadcast-benchmark-handlers.log").toAbsolutePath();
    try (PrintStream logs = new PrintStream(new FileOutputStream(logFile.toFile()), true, StandardCharsets.UTF_8)) {
      System.setOut(logs);
      try (LocalStack stack = SampleStack.builder().banner(null)
          .environment(Map.of("LOG_LEVEL", "WARN", "SERVICE_NAME", "broadcast-benchmark")).start()) {
        new BroadcastBenchmark().run(stack, connections, rounds, console);
      } finally {
        System.setOut(console);
      }
    }
  }

  private void run(LocalStack stack, int n, int rounds, PrintStream out) throws Exception {
    out.printf(Locale.ROOT, "Broadcast benchmark: %d cores, Java %s, %d connections, %d rounds, %d senders%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), n, rounds, THREADS);
    HttpClient http = HttpClient.newHttpClient();
    List<WebSocket> sockets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String token = stack.mintToken("listener-" + i, TENANT, Duration.ofHours(1));
      sockets.add(http.newWebSocketBuilder()
          .buildAsync(URI.create(stack.webSocketUri() + "?token=" + token), new Counting())
          .get(30, TimeUnit.SECONDS));
    }
    String message = "{\"type\":\"event\",\"event\":\"announcement\",\"data\":{\"text\":\"raw\",\"from\":\"bench\"}}";
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (StreamerClient member = StreamerClient.builder(stack.webSocketUri())
        .token(stack.mintToken("announcer", TENANT, Duration.ofHours(1)))
        .requestTimeout(Duration.ofMinutes(5)).build();
        ManagementApiClients clients = new ManagementApiClients(Region.US_EAST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))) {
      ApiGatewayManagementApiClient raw = management(stack, clients);
      member.connect().get(30, TimeUnit.SECONDS);
      List<String> ids = awaitIndexed(stack, n);
      out.printf(Locale.ROOT, "%d listener connections open and indexed%n", ids.size());
      {
        // warm-up: one of each
        broadcast(member, n);
        rawLoop(raw, ids, message, null);
        rawLoop(raw, ids, message, pool);
        List<Double> events = new ArrayList<>();
        List<Double> sequential = new ArrayList<>();
        List<Double> concurrent = new ArrayList<>();
        List<Double> queries = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        dev.streamer.core.Notifier privileged = dev.streamer.runtime.aws.lambda.EventNotifiers
            .of(dev.streamer.samples.SampleRouteTable.create(), stack.runtime()).forTenant(TENANT);
        direct(privileged, n);
        for (int r = 0; r < rounds; r++) {
          long q = System.nanoTime();
          awaitIndexed(stack, n);
          queries.add((System.nanoTime() - q) / 1e6);
          events.add(broadcast(member, n));
          direct.add(direct(privileged, n));
          sequential.add(rawLoop(raw, ids, message, null));
          concurrent.add(rawLoop(raw, ids, message, pool));
        }
        double e = median(events);
        double s = median(sequential);
        double c = median(concurrent);
        out.printf(Locale.ROOT, "%n| path (median of %d rounds, %d connections) | deliveries/s | vs raw sequential |"
            + " vs raw %d threads |%n|---|---|---|---|%n", rounds, n, THREADS);
        out.printf(Locale.ROOT, "| announce → Notifier.toTenant (EventBroadcaster) | %.0f | %.2f | %.2f |%n",
            e, e / s, e / c);
        double d = median(direct);
        out.printf(Locale.ROOT, "| EventNotifiers.forTenant(…).toTenant (no action, no gateway) | %.0f | %.2f | %.2f |%n",
            d, d / s, d / c);
        out.printf(Locale.ROOT, "| raw @connections POST loop, sequential | %.0f | 1.00 | %.2f |%n", s, s / c);
        out.printf(Locale.ROOT, "| raw @connections POSTs, %d threads | %.0f | %.2f | 1.00 |%n", THREADS, c, c / s);
        out.printf(Locale.ROOT, "reading the tenant index once (%d items, 1 MB pages): median %.0f ms%n", n + 1,
            median(queries));
        out.printf(Locale.ROOT, "rounds: events %s, privileged %s, sequential %s, %d threads %s%n", rounded(events),
            rounded(direct), rounded(sequential), THREADS, rounded(concurrent));
      }
    } finally {
      pool.shutdownNow();
      for (WebSocket socket : sockets) {
        socket.abort();
      }
    }
  }

  /**
   * One announce; listener deliveries per second until the action answered (every POST done) and every listener has
   * it. The announcer's own connection gets it too (n + 1 delivered), counted in neither.
   */
  private double broadcast(StreamerClient member, int n) throws Exception {
    long before = received.get();
    long start = System.nanoTime();
    String result = member.request("announce", "{\"text\":\"bench\"}").get(5, TimeUnit.MINUTES);
    awaitReceived(before + n);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!result.contains("\"delivered\":" + (n + 1) + ",")) {
      throw new IllegalStateException("announce reached other than " + (n + 1) + " connections: " + result);
    }
    return n / seconds;
  }

  /** The privileged notifier in this JVM: the broadcaster without the request path; listener deliveries per second. */
  private double direct(dev.streamer.core.Notifier privileged, int n) throws Exception {
    long before = received.get();
    long start = System.nanoTime();
    dev.streamer.core.Delivery delivery = privileged.toTenant(new dev.streamer.samples.Announcement("direct", "ops"));
    awaitReceived(before + n);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (delivery.delivered() != n + 1) {
      throw new IllegalStateException("the privileged notifier reached " + delivery);
    }
    return n / seconds;
  }

  /** Raw POSTs of {@code message} to every id, sequentially or on {@code pool}; deliveries per second. */
  private double rawLoop(ApiGatewayManagementApiClient raw, List<String> ids, String message, ExecutorService pool)
      throws Exception {
    SdkBytes data = SdkBytes.fromUtf8String(message);
    long before = received.get();
    long start = System.nanoTime();
    if (pool == null) {
      for (String id : ids) {
        raw.postToConnection(b -> b.connectionId(id).data(data));
      }
    } else {
      List<CompletableFuture<?>> sends = new ArrayList<>();
      for (String id : ids) {
        sends.add(CompletableFuture.runAsync(() -> raw.postToConnection(b -> b.connectionId(id).data(data)), pool));
      }
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    }
    awaitReceived(before + ids.size());
    return ids.size() / ((System.nanoTime() - start) / 1e9);
  }

  private void awaitReceived(long count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (received.get() < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + received.get() + " of " + count + " messages arrived");
      }
      Thread.sleep(1);
    }
  }

  /** The listeners' connection ids, once the tenant index shows all of them and the announcer's. */
  private static List<String> awaitIndexed(LocalStack stack, int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (true) {
      List<String> ids = new ArrayList<>();
      boolean[] announcer = {false};
      stack.dynamoDb().queryPaginator(b -> b.tableName(stack.tables().connections())
              .indexName(StreamerTables.TENANT_CONNECTIONS_INDEX)
              .keyConditionExpression("#t = :t")
              .expressionAttributeNames(Map.of("#t", StreamerTables.TENANT_ID))
              .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(TENANT))))
          .items().forEach(item -> {
            if (item.get(StreamerTables.USER_ID).s().equals("announcer")) {
              announcer[0] = true;
            } else {
              ids.add(item.get(StreamerTables.CONNECTION_ID).s());
            }
          });
      if (ids.size() == n && announcer[0]) {
        return ids;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the tenant index shows " + ids.size() + " listeners, not " + n);
      }
      Thread.sleep(20);
    }
  }

  /** The Management API client exactly as the runtime builds it (url-connection HTTP, no SDK retries, timeouts). */
  private static ApiGatewayManagementApiClient management(LocalStack stack, ManagementApiClients clients) {
    return clients.forEndpoint(stack.connectionsEndpoint().toString());
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static String rounded(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList().toString();
  }

  /** Counts every text message a listener socket receives. */
  private final class Counting implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      if (last) {
        received.incrementAndGet();
      }
      socket.request(1);
      return null;
    }
  }
}
