package dev.streamer.runtime.aws.internal.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.JobRoute;
import dev.streamer.runtime.aws.ManualClock;
import dev.streamer.runtime.aws.RecordingReplies;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.runtime.aws.tables.TableNames;
import dev.streamer.core.routing.Caller;
import dev.streamer.core.routing.RouteTables;
import dev.streamer.core.routing.Router;
import dev.streamer.core.routing.RouterConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** status, subscribe and cancel through the real router and the requests table on DynamoDB Local. */
class BuiltinRoutesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Caller OWNER = new Caller("conn-owner", "alice", "acme", Map.of(), null);
  private static final Caller OTHER_USER = new Caller("conn-bob", "bob", "acme", Map.of(), null);
  private static final Caller OTHER_TENANT = new Caller("conn-evil", "alice", "globex", Map.of(), null);

  private static DynamoDbClient client;
  private static ManualClock clock;
  private static DynamoRequestStore store;
  private static Router router;
  private static final RecordingReplies REPLIES = new RecordingReplies();

  @BeforeAll
  static void setUp() {
    client = DynamoDbLocal.client();
    TableNames tables = DynamoDbLocal.createTables("builtins");
    clock = ManualClock.startingNow();
    store = new DynamoRequestStore(client, tables.requests(), clock, Duration.ofDays(7), 3);
    JobRoute job = new JobRoute("job", (p, ctx, progress) -> p.n());
    router = new Router(BuiltinRoutes.withBuiltins(RouteTables.of("test", job), store, REPLIES), store,
        RouterConfig.builder().clock(clock).build());
  }

  @AfterAll
  static void tearDown() {
    client.close();
  }

  @Test
  void onFirstUseTheBuiltinsAreBuiltOnceWhenOneIsFirstLookedUpAndAppActionsNeverBuildThem() {
    JobRoute job = new JobRoute("job", (p, ctx, progress) -> p.n());
    int[] built = {0};
    dev.streamer.core.routing.RouteTable table = new BuiltinsOnFirstUse(RouteTables.of("test", job),
        () -> {
          built[0]++;
          return BuiltinRoutes.all(store, REPLIES);
        });
    assertEquals(job, table.find("job"));
    assertEquals(null, table.find("nope"));
    assertEquals(null, table.find(null));
    assertEquals(0, built[0]);
    assertEquals("status", table.find("status").action());
    assertEquals("cancel", table.find("cancel").action());
    assertEquals(List.of("cancel", "job", "status", "subscribe"),
        table.routes().stream().map(dev.streamer.core.routing.Route::action).toList());
    assertEquals(1, built[0]);
  }

  @Test
  void onFirstUseAnApplicationActionNamedLikeAnyBuiltinIsRefusedAtOnce() {
    for (dev.streamer.core.protocol.BuiltinAction builtin : dev.streamer.core.protocol.BuiltinAction.values()) {
      JobRoute named = new JobRoute(builtin.actionName(), (p, ctx, progress) -> p.n());
      IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class, () -> new BuiltinsOnFirstUse(RouteTables.of("test", named), () -> {
            throw new AssertionError("built");
          }), builtin.actionName());
      assertEquals("duplicate action: " + builtin.actionName(), refused.getMessage());
    }
  }

  private static JsonNode send(String action, String requestId, Caller caller) throws Exception {
    String body = "{\"id\":\"q\",\"action\":\"" + action + "\",\"payload\":{\"requestId\":\"" + requestId + "\"}}";
    return JSON.readTree(router.route(body, caller));
  }

  /** Queues a request through the router as {@code caller}; returns its request id. */
  private static String queue(Caller caller) throws Exception {
    JsonNode ack = JSON.readTree(router.route("{\"id\":\"a\",\"action\":\"job\",\"payload\":{\"n\":4}}", caller));
    assertEquals("ack", ack.get("type").asText(), ack.toString());
    return ack.get("requestId").asText();
  }

  @Test
  void routerQueuesWithUserTenantAndTrace() throws Exception {
    Caller traced = new Caller("conn-t", "alice", "acme", Map.of("role", "admin"), "Root=1-abc");
    String id = queue(traced);
    RequestRecord stored = store.get(id).orElseThrow();
    assertEquals("alice", stored.userId());
    assertEquals("acme", stored.tenantId());
    assertEquals("conn-t", stored.connectionId());
    assertEquals("Root=1-abc", stored.traceId());
    assertEquals("a", stored.clientId());
    assertEquals("{\"n\":4}", stored.payload());
    assertEquals(Map.of("role", "admin"), stored.metadata());
  }

  @Test
  void statusOfOwnRequest() throws Exception {
    String id = queue(OWNER);
    JsonNode reply = send("status", id, OWNER);
    assertEquals("result", reply.get("type").asText(), reply.toString());
    JsonNode data = reply.get("data");
    assertEquals(id, data.get("requestId").asText());
    assertEquals("job", data.get("action").asText());
    assertEquals("PENDING", data.get("status").asText());
    assertEquals(clock.instant().toString(), data.get("createdAt").asText());
    assertFalse(data.has("payload"));

    int attempt = store.claim(id, Duration.ofMinutes(1)).orElseThrow().attempts();
    store.recordProgress(id, attempt, 0.4, "reading");
    store.complete(id, attempt, "{\"n\":4,\"done\":true}");
    data = send("status", id, OWNER).get("data");
    assertEquals("COMPLETED", data.get("status").asText());
    assertEquals(1.0, data.get("progress").asDouble(), "COMPLETED means progress 1");
    assertEquals("reading", data.get("message").asText());
    assertEquals(4, data.get("result").get("n").asInt());
  }

  @Test
  void otherUsersAndTenantsGetNotFoundLikeMissingRequests() throws Exception {
    String id = queue(OWNER);
    JsonNode missing = send("status", "no-such-request", OWNER);
    for (String action : new String[] {"status", "subscribe", "cancel"}) {
      for (Caller intruder : new Caller[] {OTHER_USER, OTHER_TENANT, Caller.anonymous("conn-anon")}) {
        JsonNode reply = send(action, id, intruder);
        assertEquals("error", reply.get("type").asText(), action + " " + intruder);
        assertEquals("NOT_FOUND", reply.at("/error/code").asText());
        assertEquals(missing.at("/error/message").asText(), reply.at("/error/message").asText(),
            "indistinguishable from a missing request");
      }
    }
    RequestRecord untouched = store.get(id).orElseThrow();
    assertEquals(RequestStatus.PENDING, untouched.status());
    assertEquals("conn-owner", untouched.connectionId());
    assertFalse(untouched.cancelRequested());
  }

  @Test
  void subscribeReattachesAndReturnsFinishedResult() throws Exception {
    String id = queue(OWNER);
    Caller reconnected = new Caller("conn-new", "alice", "acme", Map.of(), null);
    JsonNode reply = send("subscribe", id, reconnected);
    assertEquals("PENDING", reply.at("/data/status").asText(), reply.toString());
    assertEquals("conn-new", store.get(id).orElseThrow().connectionId());

    int attempt = store.claim(id, Duration.ofMinutes(1)).orElseThrow().attempts();
    store.complete(id, attempt, "{\"n\":4,\"done\":true}");
    Caller again = new Caller("conn-third", "alice", "acme", Map.of(), null);
    reply = send("subscribe", id, again);
    assertEquals("COMPLETED", reply.at("/data/status").asText());
    assertTrue(reply.at("/data/result/done").asBoolean(), "a finished result is in the reply itself");
  }

  @Test
  void cancelQueuedRunningAndFinished() throws Exception {
    String queued = queue(OWNER);
    JsonNode reply = send("cancel", queued, OWNER);
    assertEquals("CANCELLED", reply.at("/data/outcome").asText(), reply.toString());
    assertEquals("CANCELLED", reply.at("/data/status").asText());
    List<String> toOwner = REPLIES.to(store.get(queued).orElseThrow().connectionId());
    assertEquals(1, toOwner.size(), "the owner's connection hears of it, as for a running request");
    JsonNode error = JSON.readTree(toOwner.get(0));
    assertEquals("error", error.get("type").asText());
    assertEquals(queued, error.get("requestId").asText());
    assertEquals("CANCELLED", error.at("/error/code").asText());

    String running = queue(OWNER);
    store.claim(running, Duration.ofMinutes(1)).orElseThrow();
    reply = send("cancel", running, OWNER);
    assertEquals("CANCEL_REQUESTED", reply.at("/data/outcome").asText());
    assertEquals("PROCESSING", reply.at("/data/status").asText());
    assertTrue(reply.at("/data/cancelRequested").asBoolean());

    reply = send("cancel", queued, OWNER);
    assertEquals("ALREADY_FINISHED", reply.at("/data/outcome").asText());
  }

  @Test
  void badPayloadsAreTypedErrors() throws Exception {
    JsonNode reply = JSON.readTree(router.route("{\"id\":\"q\",\"action\":\"status\",\"payload\":{}}", OWNER));
    assertEquals("VALIDATION_ERROR", reply.at("/error/code").asText());
    reply = JSON.readTree(router.route("{\"id\":\"q\",\"action\":\"status\",\"payload\":{\"requestId\":7}}", OWNER));
    assertEquals("VALIDATION_ERROR", reply.at("/error/code").asText());
    reply = send("status", " ", OWNER);
    assertEquals("VALIDATION_ERROR", reply.at("/error/code").asText());
  }
}
