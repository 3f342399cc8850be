package dev.streamer.runtime.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.JobRoute;
import dev.streamer.runtime.aws.LambdaEvents;
import dev.streamer.runtime.aws.LocalConnectionsEndpoint;
import dev.streamer.runtime.aws.StreamRecords;
import dev.streamer.runtime.aws.internal.connections.ConnectionStore;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.runtime.aws.tables.TableNames;
import dev.streamer.core.routing.RouteTables;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The production assembly from environment variables, against DynamoDB Local and a local {@code @connections}. */
class AwsRuntimeTest {

  private static final String CONNECTION = "GXLKAfX1IAMCJBA=";

  private DynamoDbClient client;
  private TableNames tables;
  private LocalConnectionsEndpoint gateway;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() {
    client = DynamoDbLocal.client();
    tables = DynamoDbLocal.createTables("wiring");
    gateway = LocalConnectionsEndpoint.start("prod");
    gateway.open(CONNECTION);
    new ConnectionStore(client, tables.connections(), Duration.ofHours(1), Clock.systemUTC())
        .create(CONNECTION, "alice", "acme", gateway.endpoint(), Map.of());
    env.put("REQUESTS_TABLE", tables.requests());
    env.put("CONNECTIONS_TABLE", tables.connections());
    env.put("AWS_REGION", DynamoDbLocal.REGION.id());
    env.put("DYNAMODB_ENDPOINT", DynamoDbLocal.endpoint().toString());
    env.put("WEBSOCKET_ENDPOINT", gateway.endpoint());
  }

  @AfterEach
  void tearDown() {
    gateway.close();
    client.close();
  }

  @Test
  void disconnectNeedsNoJwtSettingsAndConnectRefusesWithoutThem() {
    TestLambda lambda = new TestLambda(AwsRuntime.builder(env).credentials(DynamoDbLocal.CREDENTIALS).build(),
        RouteTables.of("test", new JobRoute("job", (p, c, g) -> 0))); // no JWT_* variables, as $disconnect has
    ConnectionStore connections =
        new ConnectionStore(client, tables.connections(), Duration.ofHours(1), Clock.systemUTC());

    APIGatewayV2WebSocketEvent disconnect =
        LambdaEvents.read("websocket-disconnect.json", APIGatewayV2WebSocketEvent.class);
    disconnect.getRequestContext().setConnectionId(CONNECTION);
    assertEquals(200, lambda.disconnect(disconnect, LambdaEvents.context(3_000)).getStatusCode());
    assertTrue(connections.get(CONNECTION).isEmpty());

    APIGatewayV2WebSocketEvent connect = LambdaEvents.read("websocket-connect.json", APIGatewayV2WebSocketEvent.class);
    var refused = lambda.connect(connect, LambdaEvents.context(3_000));
    assertEquals(500, refused.getStatusCode());
    assertTrue(refused.getBody().contains("\"code\":\"INTERNAL_ERROR\""), refused.getBody());
    assertTrue(connections.get(connect.getRequestContext().getConnectionId()).isEmpty());
  }

  @Test
  void sendRetrySettingsComeFromTheEnvironment() throws Exception {
    env.put("SEND_MAX_ATTEMPTS", "2");
    env.put("SEND_BACKOFF_BASE", "1ms");
    env.put("SEND_BACKOFF_MAX", "2ms");
    JobRoute job = new JobRoute("job", (p, ctx, progress) -> p.n());
    TestLambda lambda = new TestLambda(AwsRuntime.builder(env).credentials(DynamoDbLocal.CREDENTIALS).build(),
        RouteTables.of("test", job));

    APIGatewayV2WebSocketEvent message = LambdaEvents.read("websocket-message.json", APIGatewayV2WebSocketEvent.class);
    String requestId = new ObjectMapper().readTree(lambda.message(message, LambdaEvents.context(300_000)).getBody())
        .get("requestId").asText();
    gateway.failNext(CONNECTION, 503, 503, 503); // the default policy (4 calls) would get through on the fourth
    try (StreamRecords stream = new StreamRecords(client, tables.requests())) {
      assertTrue(lambda.process(stream.await(1), LambdaEvents.context(300_000)).getBatchItemFailures().isEmpty());
    }

    DynamoRequestStore store = new DynamoRequestStore(client, tables.requests(), Clock.systemUTC(),
        Duration.ofDays(7), 3);
    assertEquals(RequestStatus.COMPLETED, store.get(requestId).orElseThrow().status(),
        "an undelivered result never fails the job");
    assertEquals(2, gateway.requestsTo(CONNECTION).size(), "SEND_MAX_ATTEMPTS bounds the calls");
    assertEquals(List.of(), gateway.delivered(CONNECTION));
    assertEquals(List.of(), gateway.unsignedRequests());
  }

  record Notice(String text) {}

  @Test
  void thePrivilegedNotifierReadsTheHandlersEnvironmentAndStaysInItsTenant() {
    dev.streamer.core.event.EventType<Notice> notice = new dev.streamer.core.event.EventType<>("notice", Notice.class,
        (g, n) -> {
          g.writeStartObject();
          g.writeStringField("text", n.text());
          g.writeEndObject();
        }, p -> null);
    dev.streamer.core.event.EventRegistry registry = dev.streamer.core.event.EventRegistry.of(notice);
    dev.streamer.core.routing.RouteTable routes = new dev.streamer.core.routing.RouteTable() {
      @Override
      public String appName() {
        return "Events";
      }

      @Override
      public dev.streamer.core.routing.Route<?, ?> find(String action) {
        return null;
      }

      @Override
      public java.util.Collection<dev.streamer.core.routing.Route<?, ?>> routes() {
        return List.of();
      }

      @Override
      public dev.streamer.core.event.EventRegistry events() {
        return registry;
      }
    };
    EventNotifiers notifiers = EventNotifiers.of(routes,
        AwsRuntime.builder(env).credentials(DynamoDbLocal.CREDENTIALS).build());
    assertEquals(new dev.streamer.core.Delivery(1, 0, 0), notifiers.forTenant("acme")
        .toConnection(CONNECTION, new Notice("maintenance")));
    assertEquals(dev.streamer.core.Delivery.NONE, notifiers.forTenant("other")
        .toConnection(CONNECTION, new Notice("not yours")));
    assertEquals(List.of("{\"type\":\"event\",\"event\":\"notice\",\"data\":{\"text\":\"maintenance\"}}"),
        gateway.delivered(CONNECTION));
  }
}
