package dev.streamer.runtime.aws.internal.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.core.limits.RateLimit;
import dev.streamer.core.routing.RouteTables;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.LambdaEvents;
import dev.streamer.runtime.aws.ManualClock;
import dev.streamer.runtime.aws.internal.connections.ConnectionStore;
import dev.streamer.core.routing.CallerResolver;
import dev.streamer.runtime.aws.lambda.AwsRuntime;
import dev.streamer.runtime.aws.lambda.DefaultFunction;
import dev.streamer.runtime.aws.tables.TableNames;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Rate limits end to end through the {@code $default} entry point, on DynamoDB Local: concurrent bursts from
 * several Lambda instances sharing one table, the retry time, windows passing on a controllable clock, tenant
 * limits and the {@code RATE_LIMITS} overrides.
 */
class RateLimitTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DynamoDbClient client;
  private TableNames tables;
  private ManualClock clock;
  private ConnectionStore connections;
  private final List<String> logLines = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    client = DynamoDbLocal.client();
    tables = DynamoDbLocal.createTables("ratelimit");
    // a fixed point in the middle of a minute, so the window's end is known
    clock = new ManualClock(Instant.parse("2026-11-30T12:00:20Z"));
    connections = new ConnectionStore(client, tables.connections(), Duration.ofHours(24), clock);
    connections.create("conn-alice", "alice", "acme", "https://local/prod", Map.of());
    connections.create("conn-alice-2", "alice", "acme", "https://local/prod", Map.of());
    connections.create("conn-bob", "bob", "acme", "https://local/prod", Map.of());
    connections.create("conn-carol", "carol", "other", "https://local/prod", Map.of());
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  /** A {@code $default} function (one Lambda instance) whose {@code RATE_LIMITS} is {@code overrides}. */
  private DefaultFunction lambda(EchoRoute route, String overrides) {
    return lambdaWith(route, overrides == null ? Map.of() : Map.of(RateLimits.ENV, overrides));
  }

  /** A {@code $default} function with {@code variables} added to its environment. */
  private DefaultFunction lambdaWith(EchoRoute route, Map<String, String> variables) {
    Map<String, String> env = new java.util.HashMap<>(Map.of(
        "REQUESTS_TABLE", tables.requests(), "CONNECTIONS_TABLE", tables.connections()));
    env.putAll(variables);
    AwsRuntime runtime = AwsRuntime.builder(env)
        .dynamoDb(client)
        .sender((connectionId, message) -> true)
        .callers(connections)
        .clock(clock)
        .logSink(logLines::add)
        .build();
    return new DefaultFunction(runtime, RouteTables.of("test", route), List.of());
  }

  private static JsonNode send(DefaultFunction lambda, String connectionId, String action, String id) {
    APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
    APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
    context.setConnectionId(connectionId);
    context.setRouteKey("$default");
    context.setEventType("MESSAGE");
    event.setRequestContext(context);
    event.setBody("{\"id\":\"" + id + "\",\"action\":\"" + action + "\"}");
    try {
      return JSON.readTree(lambda.handle(event, LambdaEvents.context(30_000)).getBody());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Sends {@code count} requests at once, spread over {@code instances} independent Lambda instances. */
  private static List<JsonNode> burst(List<DefaultFunction> instances, String connectionId, String action, int count)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<JsonNode>> replies = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        DefaultFunction lambda = instances.get(i % instances.size());
        String id = "c-" + i;
        Callable<JsonNode> call = () -> {
          start.await();
          return send(lambda, connectionId, action, id);
        };
        replies.add(pool.submit(call));
      }
      start.countDown();
      List<JsonNode> all = new ArrayList<>();
      for (Future<JsonNode> reply : replies) {
        all.add(reply.get());
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void burstOfThirtyAgainstFivePerMinute() throws Exception {
    EchoRoute echo = new EchoRoute("echo", RateLimit.parse("5/1m"), null);
    List<DefaultFunction> instances = List.of(lambda(echo, null), lambda(echo, null), lambda(echo, null));
    List<JsonNode> replies = burst(instances, "conn-alice", "echo", 30);

    List<JsonNode> results = replies.stream().filter(r -> r.get("type").asText().equals("result")).toList();
    List<JsonNode> refused = replies.stream().filter(r -> r.get("type").asText().equals("error")).toList();
    assertEquals(5, results.size(), replies.toString());
    assertEquals(25, refused.size(), replies.toString());
    assertEquals(5, echo.invocations.get(), "refused requests never reach the action");
    for (JsonNode error : refused) {
      assertEquals("RATE_LIMITED", error.at("/error/code").asText(), error.toString());
      assertTrue(error.at("/error/retry/retryable").asBoolean(), error.toString());
      assertEquals("2026-11-30T12:01:00Z", error.at("/error/retry/after").asText(), "the window's end");
      assertEquals("user", error.at("/error/details/scope").asText());
      assertEquals(5, error.at("/error/details/limit").asInt());
      assertEquals("1m", error.at("/error/details/window").asText());
      assertTrue(error.get("id").asText().startsWith("c-"), "the client's id is echoed");
    }
    assertEquals(30, replies.stream().map(r -> r.get("id").asText()).distinct().count());
    assertEquals(25, logLines.stream().filter(l -> l.contains("\"RequestThrottled\":1")).count());

    // the same user on another connection shares the limit; another user of the tenant has its own
    DefaultFunction one = instances.get(0);
    assertEquals("RATE_LIMITED", send(one, "conn-alice-2", "echo", "x").at("/error/code").asText());
    assertEquals("result", send(one, "conn-bob", "echo", "b").get("type").asText());

    clock.set(Instant.parse("2026-11-30T12:00:59.999Z"));
    assertEquals("RATE_LIMITED", send(one, "conn-alice", "echo", "y").at("/error/code").asText());
    clock.set(Instant.parse("2026-11-30T12:01:00Z"));
    List<JsonNode> next = burst(instances, "conn-alice", "echo", 8);
    assertEquals(5, next.stream().filter(r -> r.get("type").asText().equals("result")).count(),
        "a new window allows the limit again");
    assertEquals("2026-11-30T12:02:00Z", next.stream().filter(r -> r.get("type").asText().equals("error"))
        .findFirst().orElseThrow().at("/error/retry/after").asText());
  }

  @Test
  void tenantLimitIsSharedByItsUsersAndGivesBackTheUserSlot() throws Exception {
    EchoRoute echo = new EchoRoute("echo", RateLimit.parse("3/1m"), RateLimit.parse("4/10s"));
    DefaultFunction lambda = lambda(echo, null);
    for (int i = 0; i < 3; i++) {
      assertEquals("result", send(lambda, "conn-alice", "echo", "a" + i).get("type").asText());
    }
    assertEquals("result", send(lambda, "conn-bob", "echo", "b0").get("type").asText());
    JsonNode refused = send(lambda, "conn-bob", "echo", "b1");
    assertEquals("RATE_LIMITED", refused.at("/error/code").asText());
    assertEquals("tenant", refused.at("/error/details/scope").asText());
    assertEquals("2026-11-30T12:00:30Z", refused.at("/error/retry/after").asText());
    assertEquals("result", send(lambda, "conn-carol", "echo", "c").get("type").asText(), "other tenants unaffected");

    clock.set(Instant.parse("2026-11-30T12:00:30Z")); // a new tenant window; bob's user window still holds 1 + 0
    assertEquals("result", send(lambda, "conn-bob", "echo", "b2").get("type").asText());
    assertEquals("result", send(lambda, "conn-bob", "echo", "b3").get("type").asText(),
        "the refused request gave its per-user slot back");
    assertEquals("user", send(lambda, "conn-bob", "echo", "b4").at("/error/details/scope").asText());
  }

  @Test
  void overridesFromTheEnvironment() {
    EchoRoute echo = new EchoRoute("echo", RateLimit.parse("1/1m"), null);
    DefaultFunction lambda = lambda(echo, "echo.user=2/1m, acme/echo.user=off, other/*.user=1/1h");
    for (int i = 0; i < 10; i++) {
      assertEquals("result", send(lambda, "conn-alice", "echo", "a" + i).get("type").asText(), "acme: off");
    }
    assertEquals("result", send(lambda, "conn-carol", "echo", "c0").get("type").asText());
    JsonNode refused = send(lambda, "conn-carol", "echo", "c1");
    assertEquals("1h", refused.at("/error/details/window").asText(), "tenant and * beats the action's override");
    assertEquals("2026-11-30T13:00:00Z", refused.at("/error/retry/after").asText());
  }

  @Test
  void invalidOverridesFailTheColdStartAndSayWhy() {
    EchoRoute echo = new EchoRoute("echo", null, null);
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> lambda(echo, "echo.user=20 per minute"));
    assertTrue(e.getMessage().startsWith("RATE_LIMITS: 'echo.user=20 per minute'"), e.getMessage());
  }

  @Test
  void invalidRunningCapsFailTheColdStartAndSayWhy() {
    EchoRoute echo = new EchoRoute("echo", null, null);
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> lambdaWith(echo, Map.of(RunningCaps.ENV, "two")));
    assertTrue(e.getMessage().startsWith("MAX_RUNNING_PER_TENANT"), e.getMessage());
  }

  @Test
  void blankVariablesAsTheTemplateLeavesThemKeepTheCompiledLimits() {
    for (String blank : new String[] {"", "  "}) {
      EchoRoute echo = new EchoRoute("echo" + blank.length(), RateLimit.parse("1/1m"), null);
      DefaultFunction lambda = lambdaWith(echo, Map.of(RateLimits.ENV, blank, RunningCaps.ENV, blank));
      String action = echo.action();
      assertEquals("result", send(lambda, "conn-alice", action, "a").get("type").asText());
      assertEquals("RATE_LIMITED", send(lambda, "conn-alice", action, "b").at("/error/code").asText());
    }
  }

  @Test
  void queuedRequestsAreCountedWhenQueuedAndRefusedOnesAreNeverQueued() {
    EchoRoute report = new EchoRoute("report", RateLimit.parse("2/1m"), null, true);
    DefaultFunction lambda = lambda(report, null);
    assertEquals("ack", send(lambda, "conn-alice", "report", "r1").get("type").asText());
    assertEquals("ack", send(lambda, "conn-alice", "report", "r2").get("type").asText());
    JsonNode refused = send(lambda, "conn-alice", "report", "r3");
    assertEquals("RATE_LIMITED", refused.at("/error/code").asText(), refused.toString());
    assertEquals("r3", refused.get("id").asText());
    long queued = client.scan(b -> b.tableName(tables.requests())).items().size();
    assertEquals(2, queued, "the refused request was not queued");
  }

  @Test
  void noLimitNoCounter() {
    EchoRoute echo = new EchoRoute("echo", null, null);
    DefaultFunction lambda = lambda(echo, null);
    assertEquals("result", send(lambda, "conn-alice", "echo", "x").get("type").asText());
    assertFalse(client.scan(b -> b.tableName(tables.connections())).items().stream()
        .anyMatch(item -> item.get("connectionId").s().startsWith("rate:")), "no counter item written");
  }
}
