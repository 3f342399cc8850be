package dev.streamer.runtime.aws.internal.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.Eventually;
import dev.streamer.runtime.aws.LocalConnectionsEndpoint;
import dev.streamer.runtime.aws.ManualClock;
import dev.streamer.runtime.aws.ManualScheduler;
import dev.streamer.runtime.aws.internal.observability.CapturingSink;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogLevel;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import dev.streamer.runtime.aws.internal.progress.BatchedProgress;
import dev.streamer.runtime.aws.internal.progress.ProgressReporters;
import dev.streamer.runtime.aws.internal.progress.ProgressState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real SDK client against a local {@code @connections} endpoint over HTTP (SigV4 signed), with the connection
 * store on DynamoDB Local.
 */
class ConnectionManagerTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static DynamoDbClient dynamo;
  private static String table;
  private static ManagementApiClients clients;

  private LocalConnectionsEndpoint api;
  private ConnectionStore store;
  private ConnectionManager manager;
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();
  private final CapturingSink logLines = new CapturingSink();
  private final CapturingSink metricLines = new CapturingSink();
  private final SendRetryPolicy retry = new SendRetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(400));

  @BeforeAll
  static void shared() {
    dynamo = DynamoDbLocal.client();
    table = DynamoDbLocal.createTables("ConnectionManagerTest").connections();
    clients = new ManagementApiClients(DynamoDbLocal.REGION, DynamoDbLocal.CREDENTIALS);
  }

  @AfterAll
  static void closeShared() {
    clients.close();
    dynamo.close();
  }

  @BeforeEach
  void start() {
    api = LocalConnectionsEndpoint.start("prod");
    store = new ConnectionStore(dynamo, table, Duration.ofHours(24), Clock.systemUTC());
    manager = manager(null);
  }

  @AfterEach
  void stop() {
    assertTrue(api.unsignedRequests().isEmpty(), "every call is SigV4-signed: " + api.unsignedRequests());
    api.close();
  }

  private ConnectionManager manager(String fixedEndpoint) {
    return ConnectionManager.builder(store, clients)
        .fixedEndpoint(fixedEndpoint)
        .retryPolicy(retry)
        .log(new JsonLog("test", LogLevel.DEBUG, logLines, Clock.systemUTC()))
        .metrics(new Metrics("Streamer", "test", metricLines, Clock.systemUTC()))
        .sleeper(pauses::add)
        .random(new Random(42))
        .build();
  }

  private String connect(String connectionId, String userId, String tenantId) {
    store.create(connectionId, userId, tenantId, api.endpoint(), Map.of());
    api.open(connectionId);
    return connectionId;
  }

  @Test
  void sendPostsTheMessageSignedForExecuteApi() {
    String id = connect("L0SM9cOFvHcCIhw=", "user-1", "tenant-1");
    assertTrue(manager.send(id, "{\"type\":\"progress\",\"progress\":0.5,\"message\":\"caf\u00e9\"}"),
        () -> "requests: " + api.requests() + " log: " + logLines.lines());

    assertEquals(List.of("{\"type\":\"progress\",\"progress\":0.5,\"message\":\"caf\u00e9\"}"), api.delivered(id));
    LocalConnectionsEndpoint.Request request = api.requestsTo(id).get(0);
    assertEquals("POST", request.method());
    assertEquals("prod", request.stage());
    String authorization = request.headers().get("Authorization");
    assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=streamertest/"), authorization);
    assertTrue(authorization.contains("/us-east-1/execute-api/aws4_request"), authorization);
    assertTrue(request.headers().containsKey("X-Amz-Date"));
  }

  @Test
  void broadcastToUserAndTenantGoThroughTheIndexes() {
    connect("b-u1-t1-a", "user-b1", "tenant-b1");
    connect("b-u1-t1-b", "user-b1", "tenant-b1");
    connect("b-u2-t1", "user-b2", "tenant-b1");
    connect("b-u1-t2", "user-b1", "tenant-b2");
    // broadcasts read eventually consistent indexes: start once they show every connection
    Eventually.await(() -> store.byUser("user-b1"), found -> found.size() == 3);
    Eventually.await(() -> store.byTenant("tenant-b1"), found -> found.size() == 3);

    assertEquals(new BroadcastResult(3, 0, 0), manager.broadcastToUser("user-b1", "to user"));
    assertEquals(List.of("to user"), api.delivered("b-u1-t1-a"));
    assertEquals(List.of("to user"), api.delivered("b-u1-t2"));
    assertTrue(api.delivered("b-u2-t1").isEmpty());

    assertEquals(new BroadcastResult(2, 0, 0), manager.broadcastToUser("tenant-b1", "user-b1", "scoped"));
    assertEquals(List.of("to user"), api.delivered("b-u1-t2"), "the other tenant's connection is left out");

    api.drop("b-u2-t1");
    api.failNext("b-u1-t1-b", 500, 500, 500, 500);
    assertEquals(new BroadcastResult(1, 1, 1), manager.broadcastToTenant("tenant-b1", "to tenant"));
    assertEquals(List.of("to user", "scoped", "to tenant"), api.delivered("b-u1-t1-a"));
    assertTrue(store.get("b-u2-t1").isEmpty(), "the gone one is cleaned up");
    assertTrue(store.get("b-u1-t1-b").isPresent(), "a failing one is not");
  }

  @Test
  void goneInTheMiddleOfProgressDeletesTheRecordAndNeverFailsTheJob() throws Exception {
    String id = connect("gone-mid", "user-g", "tenant-g");
    ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z"));
    ManualScheduler scheduler = new ManualScheduler(clock);
    ProgressReporters reporters = new ProgressReporters(
        (requestId, fraction, message) -> new ProgressState(id, false), manager, Duration.ofMillis(200), clock,
        scheduler, new JsonLog("test", LogLevel.INFO, logLines, clock), null);

    // the "job": reports five times, the client goes away after the second
    BatchedProgress progress = reporters.open("req-g", "c-1");
    for (int step = 1; step <= 5; step++) {
      progress.report(step / 5.0, "step " + step);
      scheduler.advance(Duration.ofMillis(200));
      if (step == 2) {
        api.drop(id);
      }
    }
    progress.close();

    assertEquals(2, api.delivered(id).size(), "progress before the drop arrived");
    JsonNode second = MAPPER.readTree(api.delivered(id).get(1));
    assertEquals(0.4, second.get("progress").asDouble());
    long postsAfterDrop = api.requestsTo(id).stream().filter(r -> r.status() == 410).count();
    assertEquals(1, postsAfterDrop, "one 410, then later sends are no-ops");
    assertTrue(store.get(id).isEmpty(), "record deleted");
    assertEquals(1, metricLines.json().stream().filter(l -> l.has("ConnectionGone")).count());
    assertEquals(2, progress.sentCount());
    assertFalse(manager.send(id, "the result"), "the final send is a no-op too");
    assertEquals(3, api.requestsTo(id).size());
  }

  @Test
  void throttledThenSucceeds() {
    String id = connect("throttled", "user-1", "tenant-1");
    api.failNext(id, 429);
    assertTrue(manager.send(id, "hello"));
    assertEquals(List.of(429, 200), api.requestsTo(id).stream().map(LocalConnectionsEndpoint.Request::status)
        .toList());
    assertEquals(1, pauses.size());
    assertTrue(!pauses.get(0).isNegative() && pauses.get(0).compareTo(Duration.ofMillis(50)) <= 0,
        "first backoff within [0, base]: " + pauses);
  }

  @Test
  void serverErrorsExhaustTheAttemptsWithBackoffAndKeepTheRecord() {
    String id = connect("failing", "user-1", "tenant-1");
    api.failNext(id, 500, 502, 503, 500);
    DeliveryFailedException e = assertThrows(DeliveryFailedException.class, () -> manager.send(id, "hello"));
    assertEquals(4, e.attempts());
    assertEquals(500, e.lastStatus());
    assertEquals(4, api.requestsTo(id).size(), "no hidden SDK retries on top of ours");
    assertEquals(3, pauses.size());
    List<Duration> ceilings = List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
    for (int i = 0; i < pauses.size(); i++) {
      assertTrue(pauses.get(i).compareTo(ceilings.get(i)) <= 0, "full jitter under the ceiling: " + pauses);
    }
    assertTrue(store.get(id).isPresent());
    assertTrue(manager.send(id, "later"), "the connection still works afterwards");
  }

  @Test
  void forbiddenIsRejectedAtOnce() {
    String id = connect("forbidden", "user-1", "tenant-1");
    api.failNext(id, 403);
    DeliveryRejectedException e = assertThrows(DeliveryRejectedException.class, () -> manager.send(id, "x"));
    assertEquals(403, e.status());
    assertEquals(1, api.requestsTo(id).size());
    assertTrue(pauses.isEmpty());
  }

  @Test
  void unreachableEndpointIsRetriedThenFails() {
    store.create("unreachable", "user-1", "tenant-1",
        "http://127.0.0.1:" + DynamoDbLocal.closedPort() + "/prod", Map.of());
    DeliveryFailedException e = assertThrows(DeliveryFailedException.class, () -> manager.send("unreachable", "x"));
    assertEquals(0, e.lastStatus());
    assertEquals(4, e.attempts());
  }

  @Test
  void oversizeMessagesAreRefusedBeforeAnyCall() {
    String id = connect("big", "user-1", "tenant-1");
    // 65,537 two-byte characters: under the limit in chars, over it in UTF-8 bytes
    String twoByte = "\u00e9".repeat(ConnectionManager.MAX_MESSAGE_BYTES / 2 + 1);
    MessageTooLargeException e = assertThrows(MessageTooLargeException.class, () -> manager.send(id, twoByte));
    assertEquals(ConnectionManager.MAX_MESSAGE_BYTES + 2, e.sizeBytes());
    assertEquals(ConnectionManager.MAX_MESSAGE_BYTES, e.limitBytes());
    assertThrows(MessageTooLargeException.class, () -> manager.broadcastToTenant("tenant-1", twoByte));
    assertTrue(api.requestsTo(id).isEmpty());

    String exactlyAtLimit = "a".repeat(ConnectionManager.MAX_MESSAGE_BYTES);
    assertTrue(manager.send(id, exactlyAtLimit));
    assertEquals(ConnectionManager.MAX_MESSAGE_BYTES, api.delivered(id).get(0).length());
  }

  @Test
  void unknownConnectionIsGoneWithoutACall() {
    assertFalse(manager.send("never-connected", "x"));
    assertTrue(api.requests().isEmpty());
  }

  @Test
  void fixedEndpointWinsOverTheStoredOne() {
    store.create("fixed", "user-1", "tenant-1", "https://custom-domain.example/prod", Map.of());
    api.open("fixed");
    assertTrue(manager(api.endpoint()).send("fixed", "via config"));
    assertEquals(List.of("via config"), api.delivered("fixed"));
  }

  @Test
  void isConnectedAndDisconnectUseGetAndDelete() {
    String id = connect("lifecycle", "user-1", "tenant-1");
    assertTrue(manager.isConnected(id));
    assertTrue(manager.disconnect(id));
    assertEquals(List.of("GET", "DELETE"), api.requestsTo(id).stream().map(LocalConnectionsEndpoint.Request::method)
        .toList());
    assertTrue(store.get(id).isEmpty());
    assertFalse(manager.send(id, "x"));

    String other = connect("lifecycle-2", "user-1", "tenant-1");
    api.drop(other);
    assertFalse(manager.isConnected(other));
    assertTrue(store.get(other).isEmpty(), "GET finding it gone cleans up too");
  }

  @Test
  void retryPolicyFromEnvironment() {
    assertEquals(SendRetryPolicy.DEFAULT, SendRetryPolicy.fromEnvironment(Map.of()));
    assertEquals(new SendRetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(80)), SendRetryPolicy.fromEnvironment(
        Map.of("SEND_MAX_ATTEMPTS", "2", "SEND_BACKOFF_BASE", "10ms", "SEND_BACKOFF_MAX", "80ms")));
    assertThrows(IllegalArgumentException.class,
        () -> SendRetryPolicy.fromEnvironment(Map.of("SEND_MAX_ATTEMPTS", "0")));
  }
}
