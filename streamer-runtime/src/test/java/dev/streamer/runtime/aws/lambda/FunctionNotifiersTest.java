package dev.streamer.runtime.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.core.Delivery;
import dev.streamer.core.event.EventRegistry;
import dev.streamer.core.event.EventSink;
import dev.streamer.core.event.EventType;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.JobRoute;
import dev.streamer.runtime.aws.LambdaEvents;
import dev.streamer.runtime.aws.StreamRecords;
import dev.streamer.runtime.aws.config.StreamerConfig;
import dev.streamer.runtime.aws.internal.connections.ConnectionStore;
import dev.streamer.runtime.aws.internal.connections.MessageSender;
import dev.streamer.runtime.aws.tables.TableNames;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link DefaultFunction} (sync path) and {@link StreamProcessorFunction} (queued path) give actions the caller's
 * {@code Notifier}, scoped to the caller's tenant and delivered by {@link AwsRuntime#events()}.
 */
class FunctionNotifiersTest {

  private static final String CONNECTION = "GXLKAfX1IAMCJBA=";

  record Notice(String text) {}

  private static final EventType<Notice> NOTICE = new EventType<>("notice", Notice.class, (g, n) -> {
    g.writeStartObject();
    g.writeStringField("text", n.text());
    g.writeEndObject();
  }, p -> null);

  private DynamoDbClient client;
  private TableNames tables;
  private final List<String> sent = new CopyOnWriteArrayList<>();

  private final EventSink sink = new EventSink() {
    @Override
    public Delivery toUser(String tenantId, String userId, String event, String message) {
      sent.add("user " + tenantId + " " + userId + " " + message);
      return new Delivery(1, 0, 0);
    }

    @Override
    public Delivery toTenant(String tenantId, String event, String message) {
      sent.add("tenant " + tenantId + " " + message);
      return new Delivery(1, 0, 0);
    }

    @Override
    public Delivery toConnection(String tenantId, String connectionId, String event, String message) {
      sent.add("connection " + tenantId + " " + connectionId + " " + message);
      return new Delivery(1, 0, 0);
    }
  };

  @BeforeEach
  void setUp() {
    client = DynamoDbLocal.client();
    tables = DynamoDbLocal.createTables("notifiers");
    new ConnectionStore(client, tables.connections(), Duration.ofHours(1), Clock.systemUTC())
        .create(CONNECTION, "alice", "acme", "http://localhost:1/prod", Map.of());
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private TestLambda lambda(JobRoute route, boolean async) {
    MessageSender replies = (connectionId, message) -> true; // replies are not what this test checks
    return new TestLambda(AwsRuntime.builder(Map.of())
        .config(StreamerConfig.fromEnvironment(Map.of("REQUESTS_TABLE", tables.requests(),
            "CONNECTIONS_TABLE", tables.connections(), "STREAMER_ASYNC_THRESHOLD", async ? "0ms" : "1h")))
        .dynamoDb(client)
        .sender(replies)
        .events(sink)
        .build(), new RouteTable() {
          @Override
          public String appName() {
            return "test";
          }

          @Override
          public Route<?, ?> find(String action) {
            return route.action().equals(action) ? route : null;
          }

          @Override
          public Collection<Route<?, ?>> routes() {
            return List.of(route);
          }

          @Override
          public EventRegistry events() {
            return EventRegistry.of(NOTICE);
          }
        });
  }

  @Test
  void aSyncActionsNotifierSendsWithinTheCallersTenant() throws Exception {
    JobRoute job = new JobRoute("job", (p, ctx, progress) -> {
      ctx.notifier().toTenant(new Notice("sync"));
      return 1;
    });
    TestLambda lambda = lambda(job, false);
    APIGatewayV2WebSocketEvent message = LambdaEvents.read("websocket-message.json", APIGatewayV2WebSocketEvent.class);
    String reply = lambda.message(message, LambdaEvents.context(30_000)).getBody();
    assertEquals("result", new ObjectMapper().readTree(reply).get("type").asText(), reply);
    assertEquals(List.of("tenant acme {\"type\":\"event\",\"event\":\"notice\",\"data\":{\"text\":\"sync\"}}"), sent);
  }

  @Test
  void aQueuedActionsNotifierSendsWithinTheCallersTenant() throws Exception {
    JobRoute job = new JobRoute("job", (p, ctx, progress) -> {
      ctx.notifier().toCaller(new Notice("queued"));
      return 1;
    });
    TestLambda lambda = lambda(job, true);
    APIGatewayV2WebSocketEvent message = LambdaEvents.read("websocket-message.json", APIGatewayV2WebSocketEvent.class);
    String ack = lambda.message(message, LambdaEvents.context(30_000)).getBody();
    assertEquals("ack", new ObjectMapper().readTree(ack).get("type").asText(), ack);
    assertTrue(sent.isEmpty());
    try (StreamRecords stream = new StreamRecords(client, tables.requests())) {
      assertTrue(lambda.process(stream.await(1), LambdaEvents.context(300_000)).getBatchItemFailures().isEmpty());
    }
    assertEquals(List.of("user acme alice {\"type\":\"event\",\"event\":\"notice\",\"data\":{\"text\":\"queued\"}}"),
        sent);
  }
}
