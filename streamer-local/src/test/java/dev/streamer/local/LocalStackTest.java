package dev.streamer.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.streamer.core.app.HandlerKind;
import dev.streamer.core.protocol.Limits;
import dev.streamer.runtime.aws.config.FunctionTimeouts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The stack's contract with hand-written handlers, over real sockets and a real DynamoDB Local. */
class LocalStackTest {

  private static final int MAX_MESSAGE_BYTES = 64 * 1024;
  private static final RecordingHandlers HANDLERS = new RecordingHandlers();
  private static final ByteArrayOutputStream BANNER = new ByteArrayOutputStream();
  private static LocalStack stack;
  private static ApiGatewayManagementApiClient management;

  @BeforeAll
  static void start() {
    stack = LocalStack.builder()
        .connect(HANDLERS::connect)
        .message(HANDLERS::message)
        .disconnect(HANDLERS::disconnect)
        .processor(HANDLERS::processor)
        .sweeper(HANDLERS::sweeper)
        .sweepInterval(Duration.ofMillis(500))
        .maxMessageBytes(MAX_MESSAGE_BYTES)
        .banner(new PrintStream(BANNER, true, StandardCharsets.UTF_8))
        .start();
    management = ApiGatewayManagementApiClient.builder()
        .endpointOverride(stack.connectionsEndpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "thing")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  @AfterAll
  static void stop() {
    management.close();
    stack.close();
  }

  private static URI uri(String query) {
    return URI.create(stack.webSocketUri() + "?" + query);
  }

  private static APIGatewayV2WebSocketEvent next(java.util.concurrent.BlockingQueue<APIGatewayV2WebSocketEvent> q)
      throws InterruptedException {
    APIGatewayV2WebSocketEvent event = q.poll(30, TimeUnit.SECONDS);
    assertNotNull(event, "no event within 30 s");
    return event;
  }

  @Test
  void publishesConfigurationAndPrintsBanner() {
    Map<String, String> env = stack.runtime().environment();
    assertEquals(stack.connectionsEndpoint().toString(), env.get("WEBSOCKET_ENDPOINT"));
    assertEquals(stack.dynamoDbEndpoint().toString(), env.get("DYNAMODB_ENDPOINT"));
    assertEquals(stack.tables().requests(), env.get("REQUESTS_TABLE"));
    assertEquals("HS256", env.get("JWT_ALGORITHM"));
    assertEquals(stack.connectionsEndpoint(), stack.runtime().config().websocketEndpoint());
    for (String name : List.of("WEBSOCKET_ENDPOINT", "DYNAMODB_ENDPOINT", "REQUESTS_TABLE", "JWT_ALGORITHM")) {
      assertEquals(null, System.getProperty(name), "configuration is never published as system properties");
    }
    assertTrue(stack.connectionsEndpoint().toString().endsWith(":" + stack.webSocketUri().getPort() + "/local"));

    String banner = BANNER.toString(StandardCharsets.UTF_8);
    assertTrue(banner.contains(stack.webSocketUri().toString()), banner);
    assertTrue(banner.contains(stack.connectionsEndpoint() + "/@connections/"), banner);
    assertTrue(banner.contains(stack.dynamoDbEndpoint().toString()), banner);
    assertTrue(banner.contains(stack.devToken()), banner);

    DecodedJWT token = JWT.require(Algorithm.HMAC256(LocalStack.DEFAULT_JWT_SECRET)).build()
        .verify(stack.devToken());
    assertEquals("dev-user", token.getSubject());
    assertEquals("dev-tenant", token.getClaim("tenant_id").asString());
    long hours = Duration.between(Instant.now(), token.getExpiresAtAsInstant()).toMinutes();
    assertTrue(hours > 11 * 60 && hours <= 12 * 60, "expires in 12 h: " + hours + " min");
  }

  @Test
  void connectEventHasApiGatewayShapeAndSubprotocolIsEchoed() throws Exception {
    HANDLERS.connects.clear();
    TestSockets.Received received = new TestSockets.Received();
    WebSocket socket = TestSockets.HTTP.newWebSocketBuilder()
        .header("Authorization", "Bearer abc")
        .subprotocols("streamer", "other")
        .buildAsync(uri("token=good&x=1&x=2"), received).join();
    try {
      assertEquals("streamer", socket.getSubprotocol());
      APIGatewayV2WebSocketEvent event = next(HANDLERS.connects);
      APIGatewayV2WebSocketEvent.RequestContext context = event.getRequestContext();
      assertEquals("$connect", context.getRouteKey());
      assertEquals("CONNECT", context.getEventType());
      assertTrue(context.getConnectionId().matches("[A-Za-z0-9_-]{15}="), context.getConnectionId());
      assertEquals("localhost", context.getDomainName());
      assertEquals("local", context.getStage());
      assertNotNull(context.getRequestId());
      assertEquals("IN", context.getMessageDirection());
      assertEquals("127.0.0.1", context.getIdentity().getSourceIp());
      assertTrue(context.getConnectedAt() > 0);
      assertEquals("Bearer abc", event.getHeaders().get("Authorization"));
      assertTrue(event.getHeaders().get("Sec-WebSocket-Protocol").contains("streamer"));
      assertTrue(event.getHeaders().get("X-Amzn-Trace-Id").startsWith("Root=1-"));
      assertEquals("good", event.getQueryStringParameters().get("token"));
      assertEquals(List.of("1", "2"), event.getMultiValueQueryStringParameters().get("x"));
      // Jetty registers the session in onOpen, which may run just after the client's handshake completes
      assertTrue(registeredWithin(context.getConnectionId(), 10_000), "connection registered with the gateway");
    } finally {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
  }

  private boolean registeredWithin(String connectionId, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (stack.connections().find(connectionId).isPresent()) {
        return true;
      }
      Thread.sleep(10);
    }
    return stack.connections().find(connectionId).isPresent();
  }

  @Test
  void rejectedConnectAnswersTheHandlersStatus() {
    int before = stack.connections().size();
    CompletionException failed = assertThrows(CompletionException.class,
        () -> TestSockets.open(uri("token=bad"), new TestSockets.Received()).join());
    WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, failed.getCause());
    assertEquals(401, handshake.getResponse().statusCode());
    assertEquals(before, stack.connections().size());
  }

  @Test
  void messagesReachDefaultAndRepliesComeBack() throws Exception {
    HANDLERS.connects.clear();
    HANDLERS.messages.clear();
    TestSockets.Received received = new TestSockets.Received();
    WebSocket socket = TestSockets.open(uri("token=good"), received).join();
    String connectionId = next(HANDLERS.connects).getRequestContext().getConnectionId();

    socket.sendText("hello", true).join();
    assertEquals("echo:hello", received.next());
    APIGatewayV2WebSocketEvent event = next(HANDLERS.messages);
    assertEquals("$default", event.getRequestContext().getRouteKey());
    assertEquals("MESSAGE", event.getRequestContext().getEventType());
    assertEquals(connectionId, event.getRequestContext().getConnectionId());
    assertNotNull(event.getRequestContext().getMessageId());
    assertEquals("hello", event.getBody());
    assertFalse(event.isIsBase64Encoded());

    // a message sent in two frames arrives whole
    socket.sendText("split ", false).join();
    socket.sendText("message", true).join();
    assertEquals("echo:split message", received.next());

    // an integration failure answers like API Gateway and the connection stays usable
    socket.sendText("boom", true).join();
    String failure = received.next();
    assertTrue(failure.contains("Internal server error") && failure.contains(connectionId), failure);
    socket.sendText("after", true).join();
    assertEquals("echo:after", received.next());
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
  }

  @Test
  void managementApiServesTheSdkClient() throws Exception {
    HANDLERS.connects.clear();
    HANDLERS.disconnects.clear();
    TestSockets.Received received = new TestSockets.Received();
    TestSockets.open(uri("token=good"), received).join();
    String connectionId = next(HANDLERS.connects).getRequestContext().getConnectionId();

    management.postToConnection(b -> b.connectionId(connectionId).data(SdkBytes.fromUtf8String("{\"pushed\":1}")));
    assertEquals("{\"pushed\":1}", received.next());

    // over 32 KB: sent in several frames, as API Gateway does, and assembled by the client
    String large = "{\"data\":\"" + "\u00e9x".repeat(30_000) + "\"}";
    management.postToConnection(b -> b.connectionId(connectionId).data(SdkBytes.fromUtf8String(large)));
    assertEquals(large, received.next());
    assertTrue(received.unfinishedParts.get() > 0, "arrived in parts");
    PayloadTooLargeException tooLarge = assertThrows(PayloadTooLargeException.class, () -> management
        .postToConnection(b -> b.connectionId(connectionId).data(SdkBytes.fromUtf8String("x".repeat(128 * 1024 + 1)))));
    assertEquals(413, tooLarge.statusCode());

    GetConnectionResponse info = management.getConnection(b -> b.connectionId(connectionId));
    assertNotNull(info.connectedAt());
    assertNotNull(info.lastActiveAt());
    assertEquals("127.0.0.1", info.identity().sourceIp());

    management.deleteConnection(b -> b.connectionId(connectionId));
    assertNotNull(received.closed.get(30, TimeUnit.SECONDS));
    APIGatewayV2WebSocketEvent disconnect = next(HANDLERS.disconnects);
    assertEquals(connectionId, disconnect.getRequestContext().getConnectionId());
    assertEquals("$disconnect", disconnect.getRequestContext().getRouteKey());
    assertEquals("DISCONNECT", disconnect.getRequestContext().getEventType());

    GoneException gone = assertThrows(GoneException.class, () -> management.postToConnection(
        b -> b.connectionId(connectionId).data(SdkBytes.fromUtf8String("late"))));
    assertEquals(410, gone.statusCode());
    assertThrows(GoneException.class, () -> management.getConnection(b -> b.connectionId(connectionId)));
    assertThrows(GoneException.class, () -> management.deleteConnection(b -> b.connectionId("nobody=")));
  }

  @Test
  void aFrameOverApiGatewaysLimitClosesWith1009ButTheSameMessageInTwoFramesIsAnswered() throws Exception {
    String forty = "y".repeat(40 * 1024);
    TestSockets.Received split = new TestSockets.Received();
    WebSocket splitSocket = TestSockets.open(uri("token=good"), split).join();
    splitSocket.sendText(forty.substring(0, 20 * 1024), false).join();
    splitSocket.sendText(forty.substring(20 * 1024), true).join();
    assertEquals("echo:" + forty, split.next(), "40 KB in two 20 KB frames is one message");
    splitSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();

    assertEquals(1009, TestSockets.sendOneFrame(uri("token=good"), 40 * 1024),
        "40 KB in one frame: API Gateway's 1009");
    assertEquals(-1, TestSockets.sendOneFrame(uri("token=good"), 30 * 1024), "30 KB in one frame is answered");
  }

  @Test
  void fifteenKilobyteTokensInAHeaderOrTheSubprotocolReachConnect() throws Exception {
    String token = "t".repeat(15 * 1024);
    HANDLERS.connects.clear();
    assertRefusedByTheHandler(TestSockets.HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token),
        uri("token=bad"));
    assertEquals("Bearer " + token, next(HANDLERS.connects).getHeaders().get("Authorization"));

    assertRefusedByTheHandler(TestSockets.HTTP.newWebSocketBuilder().subprotocols("streamer", token),
        uri("token=bad"));
    assertTrue(next(HANDLERS.connects).getHeaders().get("Sec-WebSocket-Protocol").contains(token));
  }

  /** API Gateway's URL quota is 4096 characters, scheme, host, stage and query included. */
  @Test
  void aHandshakeUrlOverApiGatewaysLengthIsRefusedBeforeConnect() throws Exception {
    HANDLERS.connects.clear();
    int fixed = uri("token=").toString().length();
    URI longest = uri("token=" + "t".repeat(Limits.MAX_URL_CHARS - fixed));
    assertEquals(Limits.MAX_URL_CHARS, longest.toString().length());
    assertRefusedByTheHandler(TestSockets.HTTP.newWebSocketBuilder(), longest);
    assertEquals(Limits.MAX_URL_CHARS - fixed,
        next(HANDLERS.connects).getQueryStringParameters().get("token").length());

    for (URI tooLong : List.of(uri("token=" + "t".repeat(Limits.MAX_URL_CHARS - fixed + 1)),
        uri("token=" + "t".repeat(15 * 1024)))) {
      CompletionException failed = assertThrows(CompletionException.class,
          () -> TestSockets.HTTP.newWebSocketBuilder().buildAsync(tooLong, new WebSocket.Listener() {}).join());
      WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, failed.getCause());
      assertEquals(414, handshake.getResponse().statusCode());
      assertEquals("{\"message\": \"URI Too Long\"}", handshake.getResponse().body());
    }
    assertNull(HANDLERS.connects.poll(200, TimeUnit.MILLISECONDS), "$connect never ran for an over-long URL");
  }

  /** {@code apiGatewayUrlLimit(false)}: a 15 KB token in the query reaches {@code $connect}. */
  @Test
  void withoutTheUrlLimitAFifteenKilobyteQueryTokenReachesConnect() throws Exception {
    try (LocalStack relaxed = LocalStack.builder()
        .dynamoDbEndpoint(stack.dynamoDbEndpoint())
        .connect(HANDLERS::connect)
        .message(HANDLERS::message)
        .disconnect(HANDLERS::disconnect)
        .processor(HANDLERS::processor)
        .sweeper(HANDLERS::sweeper)
        .apiGatewayUrlLimit(false)
        .banner(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .start()) {
      HANDLERS.connects.clear();
      String token = "t".repeat(15 * 1024);
      assertRefusedByTheHandler(TestSockets.HTTP.newWebSocketBuilder(),
          URI.create(relaxed.webSocketUri() + "?token=" + token));
      assertEquals(token, next(HANDLERS.connects).getQueryStringParameters().get("token"));
    }
  }

  /** The handshake reached $connect, whose JSON 401 came back (not Jetty's HTML 414/431). */
  private static void assertRefusedByTheHandler(WebSocket.Builder builder, URI uri) {
    CompletionException failed = assertThrows(CompletionException.class,
        () -> builder.buildAsync(uri, new WebSocket.Listener() {}).join());
    WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, failed.getCause());
    assertEquals(401, handshake.getResponse().statusCode());
    assertEquals("{\"message\":\"Unauthorized\"}", handshake.getResponse().body());
  }

  @Test
  void aBinaryFrameClosesWith1003AndReachesNoRoute() throws Exception {
    HANDLERS.connects.clear();
    HANDLERS.messages.clear();
    HANDLERS.disconnects.clear();
    TestSockets.Received received = new TestSockets.Received();
    WebSocket socket = TestSockets.open(uri("token=good"), received).join();
    String connectionId = next(HANDLERS.connects).getRequestContext().getConnectionId();
    socket.sendBinary(java.nio.ByteBuffer.wrap("{\"action\":\"echo\"}".getBytes(StandardCharsets.UTF_8)), true);
    assertEquals(1003, received.closed.get(30, TimeUnit.SECONDS), "API Gateway's close code for a binary frame");
    assertEquals(connectionId, next(HANDLERS.disconnects).getRequestContext().getConnectionId());
    assertTrue(HANDLERS.messages.isEmpty(), "$default never sees a binary frame");
  }

  @Test
  void theGatewaysDefaultMessageLimitIsApiGateways() {
    assertEquals(dev.streamer.core.protocol.Limits.MAX_MESSAGE_BYTES, new StackSettings().maxMessageBytes,
        "the gateway passes what API Gateway passes, and closes the rest");
  }

  @Test
  void oversizeMessageClosesOnlyThatConnection() throws Exception {
    TestSockets.Received big = new TestSockets.Received();
    WebSocket bigSocket = TestSockets.open(uri("token=good"), big).join();
    TestSockets.Received other = new TestSockets.Received();
    WebSocket otherSocket = TestSockets.open(uri("token=good"), other).join();

    bigSocket.sendText("x".repeat(MAX_MESSAGE_BYTES + 1), true);
    assertEquals(1009, big.closed.get(30, TimeUnit.SECONDS));

    otherSocket.sendText("still here", true).join();
    assertEquals("echo:still here", other.next());
    otherSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
  }

  @Test
  void streamRecordsReachTheProcessorAndBatchFailuresAreRedelivered() throws Exception {
    HANDLERS.records.clear();
    String table = stack.tables().requests();
    String streamArn = stack.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();
    HANDLERS.failOnce.add("s-2");
    put(table, "s-1", "first");
    put(table, "s-2", "second");
    put(table, "s-1", "changed");

    List<DynamodbEvent.DynamodbStreamRecord> seen = new ArrayList<>();
    while (seen.stream().filter(r -> id(r).equals("s-2")).count() < 2 || seen.stream().filter(r -> id(r)
        .equals("s-1")).count() < 2) {
      DynamodbEvent.DynamodbStreamRecord record = HANDLERS.records.poll(30, TimeUnit.SECONDS);
      assertNotNull(record, "records so far: " + seen.size());
      seen.add(record);
    }
    DynamodbEvent.DynamodbStreamRecord insert = seen.stream().filter(r -> id(r).equals("s-1")).findFirst()
        .orElseThrow();
    assertEquals("INSERT", insert.getEventName());
    assertEquals("aws:dynamodb", insert.getEventSource());
    assertEquals(streamArn, insert.getEventSourceARN());
    assertEquals("first", insert.getDynamodb().getNewImage().get("note").getS());
    assertNotNull(insert.getDynamodb().getSequenceNumber());
    assertEquals("NEW_AND_OLD_IMAGES", insert.getDynamodb().getStreamViewType());

    DynamodbEvent.DynamodbStreamRecord modify = seen.stream()
        .filter(r -> id(r).equals("s-1") && r.getEventName().equals("MODIFY")).findFirst().orElseThrow();
    assertEquals("first", modify.getDynamodb().getOldImage().get("note").getS());
    assertEquals("changed", modify.getDynamodb().getNewImage().get("note").getS());

    List<DynamodbEvent.DynamodbStreamRecord> second = seen.stream().filter(r -> id(r).equals("s-2")).toList();
    assertEquals(2, second.size(), "the failed record is delivered again");
    assertEquals(second.get(0).getDynamodb().getSequenceNumber(), second.get(1).getDynamodb().getSequenceNumber());

    Integer remaining = HANDLERS.remainingMillis.poll(30, TimeUnit.SECONDS);
    assertNotNull(remaining);
    long timeout = FunctionTimeouts.of(HandlerKind.STREAM_PROCESSOR).toMillis();
    assertTrue(remaining > timeout - 60_000 && remaining <= timeout, "the template's timeout; remaining " + remaining);
  }

  @Test
  void theFilterKeepsRecordsThatAreNotPendingFromTheProcessor() throws Exception {
    HANDLERS.records.clear();
    String table = stack.tables().requests();
    stack.dynamoDb().putItem(b -> b.tableName(table).item(Map.of(
        "requestId", AttributeValue.fromS("f-1"), "status", AttributeValue.fromS("COMPLETED"))));
    put(table, "f-2", "pending");
    DynamodbEvent.DynamodbStreamRecord first = HANDLERS.records.poll(30, TimeUnit.SECONDS);
    assertNotNull(first);
    assertEquals("f-2", id(first), "the COMPLETED item never reaches the processor");
  }

  @Test
  void sweeperRunsOnItsTimerAndOnDemand() throws Exception {
    Map<String, Object> timed = HANDLERS.sweeps.poll(30, TimeUnit.SECONDS);
    assertNotNull(timed, "the timer ran the sweeper");
    assertEquals("Scheduled Event", timed.get("detail-type"));
    assertEquals("aws.events", timed.get("source"));
    assertEquals("{\"swept\":true}", stack.sweep());
  }

  @Test
  void gatewayRestartDisconnectsEveryoneAndServesAgainOnTheSamePort() throws Exception {
    int port = stack.webSocketUri().getPort();
    TestSockets.Received before = new TestSockets.Received();
    TestSockets.open(uri("token=good"), before).join();

    stack.restartGateway();

    assertEquals(1001, before.closed.get(30, TimeUnit.SECONDS));
    assertEquals(port, stack.webSocketUri().getPort());
    TestSockets.Received after = new TestSockets.Received();
    WebSocket socket = TestSockets.open(uri("token=good"), after).join();
    socket.sendText("again", true).join();
    assertEquals("echo:again", after.next());
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
  }

  private static void put(String table, String id, String note) {
    stack.dynamoDb().putItem(b -> b.tableName(table).item(Map.of(
        "requestId", AttributeValue.fromS(id), "note", AttributeValue.fromS(note),
        "status", AttributeValue.fromS("PENDING"))));
  }

  private static String id(DynamodbEvent.DynamodbStreamRecord record) {
    return record.getDynamodb().getKeys().get("requestId").getS();
  }
}
