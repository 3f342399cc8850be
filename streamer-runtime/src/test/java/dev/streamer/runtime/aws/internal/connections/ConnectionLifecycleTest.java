package dev.streamer.runtime.aws.internal.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import dev.streamer.runtime.aws.internal.observability.CapturingSink;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogLevel;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code $connect}/{@code $disconnect} with events in the exact JSON AWS sends, deserialized by the Lambda runtime's
 * own serializer, a real verifier and the store on DynamoDB Local.
 */
class ConnectionLifecycleTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2024-02-10T03:40:16Z");
  private static final String CONNECTION_ID = "TX6c2ewboAMCLpQ=";

  private static DynamoDbClient dynamo;
  private static String table;

  private final ManualClock clock = new ManualClock(NOW);
  private final CapturingSink logLines = new CapturingSink();
  private final ConnectionStore store = new ConnectionStore(dynamo, table, Duration.ofHours(24), clock);
  private final JwtVerifier verifier = new JwtVerifier(JwtConfig.builder(JwtAlgorithm.HS256)
      .secret(TestTokens.SECRET).keptClaims(List.of("email")).build(), clock);
  private final ConnectionLifecycle lifecycle =
      new ConnectionLifecycle(verifier, store, new JsonLog("test", LogLevel.INFO, logLines, clock), clock);

  @BeforeAll
  static void tables() {
    dynamo = DynamoDbLocal.client();
    table = DynamoDbLocal.createTables("ConnectionLifecycleTest").connections();
  }

  @AfterAll
  static void closeClient() {
    dynamo.close();
  }

  @Test
  void validQueryTokenStoresTheConnectionWithUserTenantClaimsAndEndpoint() {
    String token = TestTokens.valid(NOW).withClaim("email", "a@example.com").sign(TestTokens.hs256());
    // the trace id the $connect function reads from the event's X-Amzn-Trace-Id header (TraceIdTest)
    APIGatewayV2WebSocketResponse response =
        lifecycle.onConnect(event("connect-event.json", token), "1-65c6f0a0-5a1b2c3d4e5f6a7b8c9d0e1f");

    assertEquals(200, response.getStatusCode());
    assertNull(response.getHeaders(), "no subprotocol offered, none selected");
    ConnectionRecord stored = store.get(CONNECTION_ID).orElseThrow();
    assertEquals("user-1", stored.userId());
    assertEquals("tenant-1", stored.tenantId());
    assertEquals("https://abcdef1234.execute-api.us-east-1.amazonaws.com/prod", stored.endpoint());
    assertEquals(Map.of("email", "a@example.com"), stored.claims());
    assertEquals(NOW, stored.connectedAt());

    JsonNode line = logLines.withMessage("connected").get(0);
    assertEquals(CONNECTION_ID, line.get("connectionId").asText());
    assertEquals("tenant-1", line.get("tenantId").asText());
    assertEquals("1-65c6f0a0-5a1b2c3d4e5f6a7b8c9d0e1f", line.get("traceId").asText());
    assertFalse(logLines.lines().stream().anyMatch(l -> l.contains(token)), "the token is never logged");
  }

  @Test
  void browserSubprotocolTokenIsAcceptedAndOnlyStreamerIsEchoed() {
    String token = TestTokens.valid(NOW).withSubject("browser-user").sign(TestTokens.hs256());
    APIGatewayV2WebSocketResponse response = lifecycle.onConnect(event("connect-event-browser.json", token));

    assertEquals(200, response.getStatusCode());
    assertEquals(Map.of("Sec-WebSocket-Protocol", "streamer"), response.getHeaders());
    assertEquals("browser-user", store.get("TX7Abd0VoAMCKzw=").orElseThrow().userId());
  }

  @Test
  void invalidTokenAnswers401UnauthorizedAndStoresNothing() throws IOException {
    String expired = TestTokens.valid(NOW.minusSeconds(7200)).withExpiresAt(NOW.minusSeconds(600))
        .withClaim("tenant_id", "tenant-expired").sign(TestTokens.hs256());
    APIGatewayV2WebSocketEvent event = event("connect-event.json", expired);
    event.getRequestContext().setConnectionId("expired-conn");
    APIGatewayV2WebSocketResponse response = lifecycle.onConnect(event);

    assertUnauthorized(response);
    assertTrue(store.get("expired-conn").isEmpty());
    JsonNode refused = logLines.withMessage("connection refused").get(0);
    assertEquals("EXPIRED", refused.get("reason").asText());
    assertEquals("QUERY_PARAMETER", refused.get("tokenSource").asText());
    assertEquals("WARN", refused.get("level").asText());
  }

  @Test
  void missingTokenAnswers401AndEchoesNoSubprotocol() throws IOException {
    APIGatewayV2WebSocketEvent event = event("connect-event-browser.json", "not-a-jwt");
    event.getRequestContext().setConnectionId("no-token-conn");
    APIGatewayV2WebSocketResponse response = lifecycle.onConnect(event);
    assertUnauthorized(response);
    assertTrue(store.get("no-token-conn").isEmpty());
    assertEquals("MISSING_TOKEN", logLines.withMessage("connection refused").get(0).get("reason").asText());
  }

  @Test
  void algNoneIsRefusedLikeAnyBadToken() throws IOException {
    String none = TestTokens.valid(NOW).sign(com.auth0.jwt.algorithms.Algorithm.none());
    APIGatewayV2WebSocketEvent event = event("connect-event.json", none);
    event.getRequestContext().setConnectionId("none-conn");
    assertUnauthorized(lifecycle.onConnect(event));
    assertTrue(store.get("none-conn").isEmpty());
  }

  @Test
  void storeFailureIs500AndNot401() throws IOException {
    try (DynamoDbClient down = DynamoDbLocal.client(URI.create("http://127.0.0.1:" + DynamoDbLocal.closedPort()))) {
      ConnectionLifecycle broken = new ConnectionLifecycle(verifier,
          new ConnectionStore(down, table, Duration.ofHours(24), clock),
          new JsonLog("test", LogLevel.INFO, logLines, clock), clock);
      APIGatewayV2WebSocketResponse response =
          broken.onConnect(event("connect-event.json", TestTokens.valid(NOW).sign(TestTokens.hs256())));
      assertEquals(500, response.getStatusCode());
      assertEquals("INTERNAL_ERROR", MAPPER.readTree(response.getBody()).get("error").get("code").asText());
      assertEquals(1, logLines.withMessage("connection not stored").size());
    }
  }

  @Test
  void disconnectDeletesTheRecord() {
    lifecycle.onConnect(event("connect-event.json", TestTokens.valid(NOW).sign(TestTokens.hs256())));
    assertTrue(store.get(CONNECTION_ID).isPresent());

    APIGatewayV2WebSocketResponse response = lifecycle.onDisconnect(event("disconnect-event.json", null));
    assertEquals(200, response.getStatusCode());
    assertTrue(store.get(CONNECTION_ID).isEmpty());
    assertTrue(logLines.withMessage("disconnected").get(0).get("recordFound").asBoolean());

    assertEquals(200, lifecycle.onDisconnect(event("disconnect-event.json", null)).getStatusCode(),
        "a repeated disconnect is harmless");
  }

  private static void assertUnauthorized(APIGatewayV2WebSocketResponse response) throws IOException {
    assertEquals(401, response.getStatusCode());
    JsonNode body = MAPPER.readTree(response.getBody());
    assertEquals("error", body.get("type").asText());
    assertEquals("UNAUTHORIZED", body.get("error").get("code").asText());
    assertEquals("unauthorized", body.get("error").get("message").asText());
    assertTrue(response.getHeaders() == null || !response.getHeaders().containsKey("Sec-WebSocket-Protocol"));
    for (String leak : new String[] {"EXPIRED", "MISSING", "signature", "alg"}) {
      assertFalse(response.getBody().contains(leak), "no reason reaches the client: " + response.getBody());
    }
  }

  /** A fixture with {@code ${TOKEN}} replaced, deserialized as the Lambda Java runtime does. */
  private static APIGatewayV2WebSocketEvent event(String name, String token) {
    String json;
    try (InputStream in = ConnectionLifecycleTest.class.getResourceAsStream(name)) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("fixture " + name, e);
    }
    if (token != null) {
      json = json.replace("${TOKEN}", token);
    }
    return LambdaEventSerializers
        .serializerFor(APIGatewayV2WebSocketEvent.class, ConnectionLifecycleTest.class.getClassLoader())
        .fromJson(json);
  }
}
