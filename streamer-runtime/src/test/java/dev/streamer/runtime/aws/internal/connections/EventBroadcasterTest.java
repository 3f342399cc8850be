package dev.streamer.runtime.aws.internal.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.core.Delivery;
import dev.streamer.core.Notifier;
import dev.streamer.core.event.EventRegistry;
import dev.streamer.core.event.EventType;
import dev.streamer.core.event.ScopedNotifier;
import dev.streamer.core.json.JsonRead;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.Eventually;
import dev.streamer.runtime.aws.LocalConnectionsEndpoint;
import dev.streamer.runtime.aws.internal.observability.CapturingSink;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogLevel;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
 * Notifiers over the event broadcaster: the real SDK against a local {@code @connections} endpoint over HTTP, the
 * connections table on DynamoDB Local. Each test uses its own tenants, so the shared table needs no cleaning.
 */
class EventBroadcasterTest {

  record Notice(String text) {}

  static final EventType<Notice> NOTICE = new EventType<>("notice", Notice.class,
      (g, n) -> {
        g.writeStartObject();
        g.writeStringField("text", n.text());
        g.writeEndObject();
      },
      p -> {
        JsonRead.skipValue(p);
        return null;
      });
  static final EventRegistry REGISTRY = EventRegistry.of(NOTICE);

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static DynamoDbClient dynamo;
  private static String table;
  private static ManagementApiClients clients;

  private LocalConnectionsEndpoint api;
  private ConnectionStore store;
  private EventBroadcaster broadcaster;
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();
  private final CapturingSink metricLines = new CapturingSink();

  @BeforeAll
  static void shared() {
    dynamo = DynamoDbLocal.client();
    table = DynamoDbLocal.createTables("EventBroadcasterTest").connections();
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
    broadcaster = broadcaster(8);
  }

  @AfterEach
  void stop() {
    broadcaster.close();
    api.close();
  }

  private EventBroadcaster broadcaster(int concurrency) {
    JsonLog log = new JsonLog("test", LogLevel.DEBUG, new CapturingSink(), Clock.systemUTC());
    ConnectionManager manager = ConnectionManager.builder(store, clients)
        .retryPolicy(new SendRetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(400)))
        .log(log)
        .sleeper(pauses::add)
        .random(new Random(42))
        .build();
    return new EventBroadcaster(store, manager, log, new Metrics("Streamer", "test", metricLines, Clock.systemUTC()),
        concurrency);
  }

  private void connect(String connectionId, String userId, String tenantId) {
    store.create(connectionId, userId, tenantId, api.endpoint(), Map.of());
    api.open(connectionId);
  }

  private void awaitIndexes(String tenantId, int connections) {
    // broadcasts read eventually consistent indexes: start once they show every connection
    Eventually.await(() -> store.byTenant(tenantId), found -> found.size() == connections);
  }

  private Notifier caller(String tenantId, String userId, String connectionId) {
    return ScopedNotifier.forCaller(REGISTRY, broadcaster, tenantId, userId, connectionId);
  }

  @Test
  void eventsNeverLeaveTheCallersTenant() throws Exception {
    connect("s-alice-1", "alice", "T1");
    connect("s-alice-2", "alice", "T1");
    connect("s-bob-1", "bob", "T1");
    connect("s-carol-1", "carol", "T2");
    connect("s-alice-t2", "alice", "T2"); // the same user id in another tenant
    awaitIndexes("T1", 3);
    awaitIndexes("T2", 2);
    Eventually.await(() -> store.byUser("alice"), found -> found.size() == 3);
    Notifier alice = caller("T1", "alice", "s-alice-1");

    assertEquals(new Delivery(3, 0, 0), alice.toTenant(new Notice("all of T1")));
    assertEquals(List.of(event("all of T1")), api.delivered("s-alice-1"));
    assertEquals(List.of(event("all of T1")), api.delivered("s-alice-2"));
    assertEquals(List.of(event("all of T1")), api.delivered("s-bob-1"));

    assertEquals(Delivery.NONE, alice.toUser("carol", new Notice("to a T2 user")));
    assertEquals(Delivery.NONE, alice.toConnection("s-carol-1", new Notice("to a T2 connection")));
    assertEquals(Delivery.NONE, alice.toConnection("s-no-such", new Notice("to nobody")));

    assertEquals(new Delivery(2, 0, 0), alice.toCaller(new Notice("alice's devices")));
    assertEquals(new Delivery(1, 0, 0), alice.toUser("bob", new Notice("bob")));
    assertEquals(new Delivery(1, 0, 0), alice.toConnection("s-bob-1", new Notice("bob's socket")));

    assertTrue(api.delivered("s-carol-1").isEmpty(), "T2 received " + api.delivered("s-carol-1"));
    assertTrue(api.delivered("s-alice-t2").isEmpty(), "T2 received " + api.delivered("s-alice-t2"));
    assertEquals(List.of(event("all of T1"), event("alice's devices")), api.delivered("s-alice-2"));
    assertEquals(List.of(event("all of T1"), event("bob"), event("bob's socket")), api.delivered("s-bob-1"));
  }

  @Test
  void aConnectionGoneMidBroadcastIsDeletedAndTheOthersStillReceive() {
    for (int i = 0; i < 6; i++) {
      connect("g-" + i, "user-" + i, "T3");
    }
    awaitIndexes("T3", 6);
    api.drop("g-2"); // the client vanished without a $disconnect: its record is still there
    api.failNext("g-4", 429, 429); // throttled twice, then delivered

    Delivery delivery = caller("T3", "user-0", "g-0").toTenant(new Notice("hello"));

    assertEquals(new Delivery(5, 1, 0), delivery);
    assertTrue(store.get("g-2").isEmpty(), "the gone connection's record is deleted");
    assertEquals(List.of(event("hello")), api.delivered("g-4"));
    assertEquals(3, api.requestsTo("g-4").size(), "two 429s, then the delivery");
    assertEquals(2, pauses.size(), "a backoff pause before each retry: " + pauses);
    for (String id : List.of("g-0", "g-1", "g-3", "g-5")) {
      assertEquals(List.of(event("hello")), api.delivered(id), id);
    }
    JsonNode metrics = lastMetric();
    assertEquals(5, metrics.get("EventsSent").asInt());
    assertEquals(1, metrics.get("EventsGone").asInt());
    assertEquals(0, metrics.get("EventsFailed").asInt());
    assertEquals("notice", metrics.get("event").asText());
    assertEquals("tenant", metrics.get("scope").asText());
  }

  @Test
  void aConnectionThatKeepsFailingIsCountedAndTheBroadcastCompletes() {
    connect("f-1", "u1", "T4");
    connect("f-2", "u2", "T4");
    awaitIndexes("T4", 2);
    api.failNext("f-2", 500, 500, 500, 500);
    assertEquals(new Delivery(1, 0, 1), caller("T4", "u1", "f-1").toTenant(new Notice("x")));
    assertTrue(store.get("f-2").isPresent(), "a failing connection is not deleted");
  }

  @Test
  void manyConnectionsEachGetTheEventOnceWithFewSenders() {
    broadcaster.close();
    broadcaster = broadcaster(3);
    int n = 120;
    for (int i = 0; i < n; i++) {
      connect("m-" + i, "user-" + (i % 7), "T5");
    }
    awaitIndexes("T5", n);
    assertEquals(new Delivery(n, 0, 0), caller("T5", "user-0", "m-0").toTenant(new Notice("crowd")));
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!api.delivered("m-" + i).equals(List.of(event("crowd")))) {
        missing.add("m-" + i);
      }
    }
    assertTrue(missing.isEmpty(), "not delivered exactly once: " + missing);
    assertFalse(api.requests().isEmpty());
  }

  @Test
  void thePrivilegedNotifierIsBoundToItsTenant() {
    connect("p-1", "dave", "T6");
    connect("p-2", "erin", "T7");
    awaitIndexes("T6", 1);
    awaitIndexes("T7", 1);
    Notifier t6 = ScopedNotifier.forTenant(REGISTRY, broadcaster, "T6");
    assertEquals(new Delivery(1, 0, 0), t6.toTenant(new Notice("t6")));
    assertEquals(Delivery.NONE, t6.toUser("erin", new Notice("t7 user")));
    assertEquals(Delivery.NONE, t6.toConnection("p-2", new Notice("t7 connection")));
    assertTrue(api.delivered("p-2").isEmpty());
  }

  private static String event(String text) {
    return "{\"type\":\"event\",\"event\":\"notice\",\"data\":{\"text\":\"" + text + "\"}}";
  }

  private JsonNode lastMetric() {
    List<String> lines = metricLines.lines();
    try {
      return MAPPER.readTree(lines.get(lines.size() - 1));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
