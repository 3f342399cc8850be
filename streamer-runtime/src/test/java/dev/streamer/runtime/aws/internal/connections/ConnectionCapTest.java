package dev.streamer.runtime.aws.internal.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.ManualClock;
import dev.streamer.runtime.aws.internal.auth.JwtAlgorithm;
import dev.streamer.runtime.aws.internal.auth.JwtConfig;
import dev.streamer.runtime.aws.internal.auth.JwtVerifier;
import dev.streamer.runtime.aws.internal.auth.TestTokens;
import dev.streamer.runtime.aws.internal.limits.ConnectionCap;
import dev.streamer.runtime.aws.internal.limits.Slots;
import dev.streamer.runtime.aws.internal.observability.CapturingSink;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogLevel;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code MAX_CONNECTIONS_PER_USER} at {@code $connect}, on DynamoDB Local, with concurrent connects. */
class ConnectionCapTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2024-02-10T03:40:16Z");

  private final DynamoDbClient dynamo = DynamoDbLocal.client();
  private final String table = DynamoDbLocal.createTables("ConnectionCapTest").connections();
  private final ManualClock clock = new ManualClock(NOW);
  private final CapturingSink lines = new CapturingSink();
  private final ConnectionStore store = new ConnectionStore(dynamo, table, Duration.ofHours(24), clock);
  private final JwtVerifier verifier = new JwtVerifier(JwtConfig.builder(JwtAlgorithm.HS256)
      .secret(TestTokens.SECRET).build(), clock);

  @AfterEach
  void close() {
    dynamo.close();
  }

  private ConnectionLifecycle lifecycle(int max) {
    ConnectionCap cap = new ConnectionCap(new Slots(dynamo, table, clock), max, id -> store.get(id).isPresent(),
        clock);
    return new ConnectionLifecycle(verifier, store, new JsonLog("test", LogLevel.INFO, lines, clock), clock)
        .withConnectionCap(cap, new Metrics("Streamer", "test", lines, clock));
  }

  @Test
  void concurrentConnectsNeverExceedTheCapAndDisconnectFreesAPlace() throws Exception {
    List<ConnectionLifecycle> instances = List.of(lifecycle(3), lifecycle(3), lifecycle(3), lifecycle(3));
    String token = TestTokens.valid(NOW).sign(TestTokens.hs256());
    ExecutorService pool = Executors.newFixedThreadPool(12);
    List<Future<APIGatewayV2WebSocketResponse>> answers = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < 12; i++) {
      ConnectionLifecycle lifecycle = instances.get(i % instances.size());
      APIGatewayV2WebSocketEvent event = event(token, "conn-" + i);
      answers.add(pool.submit(() -> {
        start.await();
        return lifecycle.onConnect(event);
      }));
    }
    start.countDown();
    List<String> accepted = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      APIGatewayV2WebSocketResponse response = answers.get(i).get();
      if (response.getStatusCode() == 200) {
        accepted.add("conn-" + i);
        continue;
      }
      assertEquals(429, response.getStatusCode());
      assertEquals("application/json", response.getHeaders().get("Content-Type"));
      JsonNode body = MAPPER.readTree(response.getBody());
      assertEquals("error", body.get("type").asText());
      assertEquals("RATE_LIMITED", body.at("/error/code").asText());
      assertEquals(3, body.at("/error/details/maxConnections").asInt());
      assertTrue(body.at("/error/retry/retryable").asBoolean());
      assertTrue(store.get("conn-" + i).isEmpty(), "a refused connection is not stored");
    }
    pool.shutdownNow();
    assertEquals(3, accepted.size(), "exactly the cap is admitted");
    assertEquals(9, lines.lines().stream().filter(l -> l.contains("\"ConnectionLimited\":1")).count());

    ConnectionLifecycle one = instances.get(0);
    assertEquals(429, one.onConnect(event(token, "late")).getStatusCode());
    assertEquals(200, one.onDisconnect(event(null, accepted.get(0))).getStatusCode());
    assertEquals(200, one.onConnect(event(token, "late")).getStatusCode(), "the place given back is taken");
    assertEquals(429, one.onConnect(event(token, "later")).getStatusCode());

    // a connection whose $disconnect never came: its record is gone (a send found it gone); after the grace
    // period its place is reclaimed
    store.delete(accepted.get(1));
    assertEquals(429, one.onConnect(event(token, "later")).getStatusCode(), "within the grace period");
    clock.advance(Duration.ofMinutes(2));
    assertEquals(200, one.onConnect(event(token, "later")).getStatusCode());

    String otherUser = TestTokens.valid(NOW).withSubject("user-2").sign(TestTokens.hs256());
    assertEquals(200, one.onConnect(event(otherUser, "other")).getStatusCode(), "caps are per user");
  }

  @Test
  void placesExpireWithApiGatewaysMaximumConnectionDuration() {
    ConnectionLifecycle lifecycle = lifecycle(1);
    assertEquals(200, lifecycle.onConnect(event(TestTokens.valid(NOW).sign(TestTokens.hs256()), "a"))
        .getStatusCode());
    clock.advance(ConnectionCap.MAX_CONNECTION_DURATION.minusSeconds(1));
    String token = TestTokens.valid(clock.instant()).sign(TestTokens.hs256());
    assertEquals(429, lifecycle.onConnect(event(token, "b")).getStatusCode(), "record still there");
    clock.advance(Duration.ofSeconds(1));
    assertEquals(200, lifecycle.onConnect(event(token, "b")).getStatusCode());
  }

  @Test
  void capComesFromTheEnvironment() {
    assertEquals(0, ConnectionCap.maxFromEnvironment(Map.of()));
    assertEquals(0, ConnectionCap.maxFromEnvironment(Map.of(ConnectionCap.ENV, " ")));
    assertEquals(5, ConnectionCap.maxFromEnvironment(Map.of(ConnectionCap.ENV, "5")));
    for (String bad : new String[] {"-1", "five", "1.5"}) {
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> ConnectionCap.maxFromEnvironment(Map.of(ConnectionCap.ENV, bad)));
      assertTrue(e.getMessage().startsWith("MAX_CONNECTIONS_PER_USER"));
    }
  }

  private static APIGatewayV2WebSocketEvent event(String token, String connectionId) {
    String name = token == null ? "disconnect-event.json" : "connect-event.json";
    String json;
    try (InputStream in = ConnectionCapTest.class.getResourceAsStream(name)) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("fixture " + name, e);
    }
    if (token != null) {
      json = json.replace("${TOKEN}", token);
    }
    APIGatewayV2WebSocketEvent event = LambdaEventSerializers
        .serializerFor(APIGatewayV2WebSocketEvent.class, ConnectionCapTest.class.getClassLoader())
        .fromJson(json);
    event.getRequestContext().setConnectionId(connectionId);
    return event;
  }
}
