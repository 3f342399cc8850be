package dev.streamer.runtime.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.JobRoute;
import dev.streamer.runtime.aws.LambdaEvents;
import dev.streamer.runtime.aws.ManualClock;
import dev.streamer.runtime.aws.PausableProxy;
import dev.streamer.runtime.aws.LocalConnectionsEndpoint;
import dev.streamer.runtime.aws.internal.connections.ConnectionManager;
import dev.streamer.runtime.aws.internal.connections.ConnectionStore;
import dev.streamer.runtime.aws.internal.connections.ManagementApiClients;
import dev.streamer.runtime.aws.StreamRecords;
import dev.streamer.runtime.aws.config.StreamerConfig;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.runtime.aws.tables.TableNames;
import dev.streamer.core.routing.AsyncRequest;
import dev.streamer.core.routing.RouteTables;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Lambda entry points with fixtures in AWS's own JSON shape, against DynamoDB Local, with the real connection
 * store and connection manager sending signed {@code @connections} calls to a local HTTP endpoint.
 */
class LambdaFunctionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONNECTION = "GXLKAfX1IAMCJBA=";
  private static final Context CONTEXT = LambdaEvents.context(300_000);

  private DynamoDbClient client;
  private TableNames tables;
  private ManualClock clock;
  private LocalConnectionsEndpoint gateway;
  private ManagementApiClients apis;
  private ConnectionStore connections;
  private ConnectionManager sender;
  private StreamerConfig config;
  private JobRoute job;
  private TestLambda lambda;
  private final List<String> logLines = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    client = DynamoDbLocal.client();
    tables = DynamoDbLocal.createTables("lambda");
    clock = ManualClock.startingNow();
    gateway = LocalConnectionsEndpoint.start("prod");
    gateway.open(CONNECTION);
    apis = new ManagementApiClients(DynamoDbLocal.REGION, DynamoDbLocal.CREDENTIALS);
    job = new JobRoute("job", (p, ctx, progress) -> {
      progress.report(0.5, "half way");
      return p.n() + 1;
    });
    connections = new ConnectionStore(client, tables.connections(), Duration.ofHours(24), clock);
    connections.create(CONNECTION, "alice", "acme", gateway.endpoint(), Map.of());
    sender = ConnectionManager.builder(connections, apis).metrics(new Metrics("Streamer", "test", logLines::add, clock))
        .build();
    config = StreamerConfig.fromEnvironment(Map.of(
        "REQUESTS_TABLE", tables.requests(), "CONNECTIONS_TABLE", tables.connections()));
    lambda = new TestLambda(AwsRuntime.builder(Map.of("_X_AMZN_TRACE_ID",
            "Root=1-65a1132c-0b2f7c5e3e8d4f1a2b3c4d5e;Parent=53995c3f42cd8ad8;Sampled=1"))
        .config(config)
        .dynamoDb(client)
        .sender(sender)
        .callers(connections)
        .clock(clock)
        .logSink(logLines::add)
        .build(), RouteTables.of("test", job));
  }

  @AfterEach
  void tearDown() {
    apis.close();
    gateway.close();
    client.close();
  }

  @Test
  void whileDynamoDbIsUnreachableEveryReplyCarriesTheClientsIdAndServiceRecoversByItself() throws Exception {
    try (PausableProxy proxy = new PausableProxy(DynamoDbLocal.endpoint());
        DynamoDbClient proxied = DynamoDbLocal.client(proxy.endpoint())) {
      ConnectionStore viaProxy = new ConnectionStore(proxied, tables.connections(), Duration.ofHours(24), clock);
      // one function instance across invocations, as in a Lambda execution environment
      DefaultFunction service = new DefaultFunction(AwsRuntime.builder(Map.of())
          .config(config)
          .dynamoDb(proxied)
          .sender(sender)
          .callers(viaProxy)
          .clock(clock)
          .logSink(l -> {})
          .build(), RouteTables.of("test", job), List.of());
      APIGatewayV2WebSocketEvent event = LambdaEvents.read("websocket-message.json", APIGatewayV2WebSocketEvent.class);
      assertEquals("ack", JSON.readTree(service.handle(event, CONTEXT).getBody()).get("type").asText());

      proxy.down();
      for (String body : List.of(event.getBody(), "{\"id\":\"c-9\",\"action\":\"job\",\"payload\":{\"n\":1}}",
          "{\"id\":\"c-10\",\"action\":\"status\",\"payload\":{\"requestId\":\"r\"}}")) {
        event.setBody(body);
        JsonNode reply = JSON.readTree(service.handle(event, CONTEXT).getBody());
        assertEquals("error", reply.get("type").asText(), reply.toString());
        assertEquals(JSON.readTree(body).get("id").asText(), reply.get("id").asText(), "the client's id: " + reply);
        assertEquals("SERVICE_UNAVAILABLE", reply.get("error").get("code").asText(), reply.toString());
      }

      proxy.up();
      event.setBody("{\"id\":\"c-11\",\"action\":\"job\",\"payload\":{\"n\":2}}");
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      JsonNode reply;
      do {
        reply = JSON.readTree(service.handle(event, CONTEXT).getBody());
      } while (!reply.get("type").asText().equals("ack") && System.nanoTime() < end);
      assertEquals("ack", reply.get("type").asText(), "recovered: " + reply);
      assertEquals("c-11", reply.get("id").asText());
    }
  }

  @Test
  void messageQueuesAndProcessorDeliversResultWithTrace() throws Exception {
    APIGatewayV2WebSocketEvent event = LambdaEvents.read("websocket-message.json", APIGatewayV2WebSocketEvent.class);
    assertEquals(CONNECTION, event.getRequestContext().getConnectionId());
    APIGatewayV2WebSocketResponse response = lambda.message(event, CONTEXT);
    assertEquals(200, response.getStatusCode());
    JsonNode ack = JSON.readTree(response.getBody());
    assertEquals("ack", ack.get("type").asText(), response.getBody());
    assertEquals("c-1", ack.get("id").asText());
    String requestId = ack.get("requestId").asText();
    assertTrue(logLines.stream().anyMatch(l -> l.contains("\"RequestQueued\":1")), "RequestQueued metric");

    DynamoRequestStore store = new DynamoRequestStore(client, tables.requests(), clock, Duration.ofDays(7), 3);
    RequestRecord queued = store.get(requestId).orElseThrow();
    assertEquals("alice", queued.userId());
    assertEquals("acme", queued.tenantId());
    assertEquals("1-65a1132c-0b2f7c5e3e8d4f1a2b3c4d5e", queued.traceId());

    try (StreamRecords stream = new StreamRecords(client, tables.requests())) {
      StreamsEventResponse processed = lambda.process(stream.await(1), CONTEXT);
      assertTrue(processed.getBatchItemFailures().isEmpty());
    }
    assertEquals("1-65a1132c-0b2f7c5e3e8d4f1a2b3c4d5e", job.lastContext().traceId(), "trace carried to the job");
    assertEquals(RequestStatus.COMPLETED, store.get(requestId).orElseThrow().status());
    List<String> received = gateway.delivered(CONNECTION);
    assertEquals(List.of(), gateway.unsignedRequests());
    assertEquals(2, received.size(), received.toString());
    JsonNode progress = JSON.readTree(received.get(0));
    assertEquals("progress", progress.get("type").asText());
    assertEquals(0.5, progress.get("progress").asDouble());
    assertEquals(1.0, store.get(requestId).orElseThrow().progress(), "COMPLETED means progress 1");
    JsonNode last = JSON.readTree(received.get(received.size() - 1));
    assertEquals("result", last.get("type").asText());
    assertEquals(3, last.at("/data/n").asInt());
    assertTrue(logLines.stream().anyMatch(l -> l.contains("\"RequestCompleted\":1")));

    APIGatewayV2WebSocketEvent status = LambdaEvents.read("websocket-message.json", APIGatewayV2WebSocketEvent.class);
    status.setBody("{\"id\":\"s\",\"action\":\"status\",\"payload\":{\"requestId\":\"" + requestId + "\"}}");
    JsonNode reply = JSON.readTree(lambda.message(status, CONTEXT).getBody());
    assertEquals("COMPLETED", reply.at("/data/status").asText(), reply.toString());
    assertEquals(3, reply.at("/data/result/n").asInt());
  }

  /** A sync INTERNAL_ERROR is one JSON log line with the request's fields, like a failed queued request. */
  @Test
  void syncInternalErrorIsOneJsonLineWithTheRequestsFields() throws Exception {
    JobRoute failing = new JobRoute("job", (p, ctx, progress) -> {
      throw new IllegalStateException("s3cr3t detail");
    });
    List<String> lines = new CopyOnWriteArrayList<>();
    TestLambda sync = new TestLambda(AwsRuntime.builder(Map.of())
        .config(StreamerConfig.fromEnvironment(Map.of("REQUESTS_TABLE", tables.requests(),
            "CONNECTIONS_TABLE", tables.connections(), "STREAMER_ASYNC_THRESHOLD", "5m")))
        .dynamoDb(client).sender(sender).callers(connections).clock(clock)
        .logSink(lines::add)
        .build(), RouteTables.of("test", failing));
    APIGatewayV2WebSocketEvent event = LambdaEvents.read("websocket-message.json", APIGatewayV2WebSocketEvent.class);
    JsonNode reply = JSON.readTree(sync.message(event, CONTEXT).getBody());
    assertEquals("INTERNAL_ERROR", reply.at("/error/code").asText(), reply.toString());
    String requestId = reply.get("requestId").asText();
    List<String> errors = lines.stream().filter(l -> l.contains("\"level\":\"ERROR\"")).toList();
    assertEquals(1, errors.size(), lines.toString());
    String line = errors.get(0);
    assertTrue(!line.contains("\n"), "one line: " + line);
    JsonNode logged = JSON.readTree(line);
    assertEquals(requestId, logged.get("requestId").asText());
    assertEquals("job", logged.get("action").asText());
    assertEquals(CONNECTION, logged.get("connectionId").asText());
    assertEquals("acme", logged.get("tenantId").asText());
    assertEquals("INTERNAL_ERROR", logged.get("errorCode").asText());
    assertTrue(line.contains("s3cr3t detail"), "the cause is in the log, not in the reply: " + line);
  }

  @Test
  void unknownConnectionIsUnauthorized() throws Exception {
    APIGatewayV2WebSocketEvent event = LambdaEvents.read("websocket-message.json", APIGatewayV2WebSocketEvent.class);
    event.getRequestContext().setConnectionId("never-connected=");
    JsonNode reply = JSON.readTree(lambda.message(event, CONTEXT).getBody());
    assertEquals("UNAUTHORIZED", reply.at("/error/code").asText());
    assertEquals(0, job.invocations());
  }

  @Test
  void base64BodiesAreDecoded() throws Exception {
    APIGatewayV2WebSocketEvent event = LambdaEvents.read("websocket-message.json", APIGatewayV2WebSocketEvent.class);
    event.setBody(java.util.Base64.getEncoder().encodeToString(
        "{\"id\":\"b\",\"action\":\"status\",\"payload\":{\"requestId\":\"nope\"}}".getBytes()));
    event.setIsBase64Encoded(true);
    JsonNode reply = JSON.readTree(lambda.message(event, CONTEXT).getBody());
    assertEquals("NOT_FOUND", reply.at("/error/code").asText(), reply.toString());
  }

  @Test
  void processesStreamFixtureAsTheLambdaRuntimeDeserializesIt() {
    DynamodbEvent event = LambdaEvents.read("dynamodb-stream-insert.json", DynamodbEvent.class);
    assertEquals(2, event.getRecords().size());
    assertEquals("INSERT", event.getRecords().get(0).getEventName());
    assertEquals("pro", event.getRecords().get(0).getDynamodb().getNewImage().get("metadata").getM().get("plan").getS());
    // the item the INSERT record describes
    DynamoRequestStore store = new DynamoRequestStore(client, tables.requests(), clock, Duration.ofDays(7), 3);
    store.enqueue(new AsyncRequest("req-fixture-1", "c-fixture", "job", "{\"n\":6}", CONNECTION, "alice", "acme",
        "1-65a1132c-0b2f7c5e3e8d4f1a2b3c4d5e", Instant.ofEpochMilli(1705054860000L), Map.of("plan", "pro")));

    StreamsEventResponse response = lambda.process(event, CONTEXT);
    assertTrue(response.getBatchItemFailures().isEmpty());
    RequestRecord done = store.get("req-fixture-1").orElseThrow();
    assertEquals(RequestStatus.COMPLETED, done.status());
    assertEquals("{\"n\":7,\"done\":true}", done.result());
    assertEquals(Map.of("plan", "pro"), job.lastContext().metadata());
    assertEquals(1, job.invocations(), "the REMOVE record of a TTL deletion is ignored");

    lambda.process(event, CONTEXT); // redelivery
    assertEquals(1, job.invocations());
  }

  @Test
  void sweepFromScheduledEventFixture() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> event = LambdaEvents.read("scheduled-event.json", Map.class);
    assertEquals("Scheduled Event", event.get("detail-type"));
    // an invocation with too little time for a second sweep sweeps once (as LocalStack.sweep() does)
    JsonNode summary = JSON.readTree(lambda.sweep(event, LambdaEvents.context(5_000)));
    assertEquals(0, summary.get("redriven").asInt());
    assertEquals(0, summary.get("failed").asInt());
  }

  @Test
  void goneConnectionDuringProgressNeverFailsTheJob() throws Exception {
    JobRoute dropping = new JobRoute("job", (p, ctx, progress) -> {
      gateway.drop(CONNECTION); // the client goes away mid-job: API Gateway answers 410 from now on
      progress.report(0.3, "still working");
      return p.n();
    });
    TestLambda withDrop = lambdaFor(dropping, sender);
    String requestId = JSON.readTree(withDrop.message(
        LambdaEvents.read("websocket-message.json", APIGatewayV2WebSocketEvent.class), CONTEXT).getBody())
        .get("requestId").asText();
    try (StreamRecords stream = new StreamRecords(client, tables.requests())) {
      assertTrue(withDrop.process(stream.await(1), CONTEXT).getBatchItemFailures().isEmpty());
    }
    DynamoRequestStore store = new DynamoRequestStore(client, tables.requests(), clock, Duration.ofDays(7), 3);
    assertEquals(RequestStatus.COMPLETED, store.get(requestId).orElseThrow().status());
    assertTrue(connections.get(CONNECTION).isEmpty(), "the gone connection's record is deleted");
    assertTrue(logLines.stream().anyMatch(l -> l.contains("\"ConnectionGone\":1")), "ConnectionGone metric");
  }

  @Test
  void connectMessageAndDisconnectWithJwt() throws Exception {
    String secret = "a-test-secret-that-is-at-least-32-bytes-long";
    String newConnection = "GXLKCz9yIAMCIdw=";
    gateway.open(newConnection);
    ConnectionManager fixedEndpoint = ConnectionManager.builder(connections, apis)
        .fixedEndpoint(gateway.endpoint()).build(); // WEBSOCKET_ENDPOINT: the event's domain is not reachable here
    TestLambda authenticated = new TestLambda(AwsRuntime.builder(
            Map.of("JWT_ALGORITHM", "HS256", "JWT_SECRET", secret))
        .config(config)
        .dynamoDb(client)
        .sender(fixedEndpoint)
        .clock(clock)
        .logSink(logLines::add)
        .build(), RouteTables.of("test", job)); // connections and JWT settings as $connect builds them

    APIGatewayV2WebSocketEvent connect = LambdaEvents.read("websocket-connect.json", APIGatewayV2WebSocketEvent.class);
    connect.getRequestContext().setConnectionId(newConnection);
    connect.setQueryStringParameters(Map.of("token", "not-a-jwt"));
    assertEquals(401, authenticated.connect(connect, CONTEXT).getStatusCode());
    assertTrue(connections.get(newConnection).isEmpty());

    String token = JWT.create().withSubject("bob").withClaim("tenant_id", "acme")
        .withExpiresAt(Instant.now().plusSeconds(300)).sign(Algorithm.HMAC256(secret));
    connect.setQueryStringParameters(Map.of("token", token));
    assertEquals(200, authenticated.connect(connect, CONTEXT).getStatusCode());
    assertEquals("bob", connections.get(newConnection).orElseThrow().userId());

    APIGatewayV2WebSocketEvent message = LambdaEvents.read("websocket-message.json", APIGatewayV2WebSocketEvent.class);
    message.getRequestContext().setConnectionId(newConnection);
    String requestId = JSON.readTree(authenticated.message(message, CONTEXT).getBody()).get("requestId").asText();
    try (StreamRecords stream = new StreamRecords(client, tables.requests())) {
      authenticated.process(stream.await(1), CONTEXT);
    }
    List<String> delivered = gateway.delivered(newConnection);
    JsonNode result = JSON.readTree(delivered.get(delivered.size() - 1));
    assertEquals(requestId, result.get("requestId").asText());
    assertEquals("result", result.get("type").asText());

    APIGatewayV2WebSocketEvent disconnect =
        LambdaEvents.read("websocket-disconnect.json", APIGatewayV2WebSocketEvent.class);
    disconnect.getRequestContext().setConnectionId(newConnection);
    assertEquals(200, authenticated.disconnect(disconnect, CONTEXT).getStatusCode());
    JsonNode refused = JSON.readTree(authenticated.message(message, CONTEXT).getBody());
    assertEquals("UNAUTHORIZED", refused.at("/error/code").asText());
  }

  private TestLambda lambdaFor(JobRoute route, ConnectionManager messageSender) {
    return new TestLambda(AwsRuntime.builder(Map.of())
        .config(config)
        .dynamoDb(client)
        .sender(messageSender)
        .callers(connections)
        .clock(clock)
        .logSink(logLines::add)
        .build(), RouteTables.of("test", route));
  }
}
