package dev.streamer.runtime.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import dev.streamer.core.routing.RouteTables;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.JobRoute;
import dev.streamer.runtime.aws.LambdaEvents;
import dev.streamer.runtime.aws.ManualClock;
import dev.streamer.runtime.aws.config.FunctionTimeouts;
import dev.streamer.runtime.aws.config.StreamerConfig;
import dev.streamer.runtime.aws.internal.connections.ConnectionStore;
import dev.streamer.runtime.aws.tables.TableNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A sync action's deadline ends where API Gateway ends the integration when that comes first: 29 s after the
 * message arrived ({@code requestTimeEpoch}), which a cold start's initialisation or a SnapStart restore has already
 * used up in part, while Lambda's remaining time does not count them.
 */
class SyncDeadlineTest {

  private static final long NOW = 1_764_000_000_000L;

  @Test
  void theEarlierOfLambdasAndApiGatewaysEndsApplies() {
    // a cold start that took 5 s: API Gateway's clock started before Lambda's
    assertEquals(24_000, DefaultFunction.remainingMillis(29_000, NOW - 5_000, NOW));
    // a warm start: both end together
    assertEquals(28_990, DefaultFunction.remainingMillis(28_990, NOW - 10, NOW));
    // a function with a shorter timeout than API Gateway's
    assertEquals(10_000, DefaultFunction.remainingMillis(10_000, NOW - 1_000, NOW));
    // a receipt time slightly ahead of this clock (skew) counts as now
    assertEquals(FunctionTimeouts.API_GATEWAY_INTEGRATION_MILLIS,
        DefaultFunction.remainingMillis(300_000, NOW + 50, NOW));
    // API Gateway's time runs out: nothing is left, however much Lambda's has
    assertEquals(1, DefaultFunction.remainingMillis(300_000, NOW - 28_999, NOW));
    assertEquals(0, DefaultFunction.remainingMillis(300_000, NOW - 29_000, NOW));
    assertEquals(0, DefaultFunction.remainingMillis(300_000, NOW - 60_000, NOW));
    // no receipt time, or one older than Lambda's longest timeout (a recorded event): Lambda's time alone
    assertEquals(300_000, DefaultFunction.remainingMillis(300_000, 0, NOW));
    assertEquals(300_000, DefaultFunction.remainingMillis(300_000, NOW - 15 * 60_000 - 1, NOW));
    assertEquals(FunctionTimeouts.API_GATEWAY_INTEGRATION.toMillis(),
        FunctionTimeouts.API_GATEWAY_INTEGRATION_MILLIS, "one definition");
  }

  @Test
  void aSyncActionSeesTheTimeApiGatewayLeavesIt() {
    TableNames tables = DynamoDbLocal.createTables("deadline");
    ManualClock clock = ManualClock.startingNow();
    try (var client = DynamoDbLocal.client()) {
      ConnectionStore connections = new ConnectionStore(client, tables.connections(), Duration.ofHours(1), clock);
      connections.create("c-1", "alice", "acme", "https://abc.execute-api.us-east-1.amazonaws.com/prod", Map.of());
      AtomicReference<Duration> seen = new AtomicReference<>();
      // the test kit's job route, made sync by the runtime threshold (its estimate is a minute)
      StreamerConfig config = StreamerConfig.fromEnvironment(Map.of("REQUESTS_TABLE", tables.requests(),
          "CONNECTIONS_TABLE", tables.connections(), "STREAMER_ASYNC_THRESHOLD", "10m"));
      JobRoute remaining = new JobRoute("remaining", (job, context, progress) -> {
        seen.set(context.remainingTime());
        return job.n();
      });
      long buffer = config.timeoutBuffer().toMillis();
      DefaultFunction function = new DefaultFunction(AwsRuntime.builder(Map.of())
          .config(config)
          .dynamoDb(client)
          .callers(connections)
          .clock(clock)
          .logSink(line -> {})
          .build(), RouteTables.of("deadline", remaining), List.of());
      APIGatewayV2WebSocketEvent event = LambdaEvents.read("websocket-message.json", APIGatewayV2WebSocketEvent.class);
      event.getRequestContext().setConnectionId("c-1");
      event.setBody("{\"id\":\"d-1\",\"action\":\"remaining\",\"payload\":{\"n\":1}}");

      // arrived 5 s ago (a cold start's initialisation), with the whole of a 15-minute Lambda timeout left
      event.getRequestContext().setRequestTimeEpoch(System.currentTimeMillis() - 5_000);
      String reply = function.handle(event, LambdaEvents.context(900_000)).getBody();
      assertTrue(reply.startsWith("{\"type\":\"result\""), reply);
      long left = seen.get().toMillis();
      assertTrue(left <= 24_000 - buffer && left > 24_000 - buffer - 2_000, "API Gateway's 24 s left: " + left);

      // the fixture's own receipt time (January 2024) is not a live integration: Lambda's time applies
      event.setBody("{\"id\":\"d-2\",\"action\":\"remaining\",\"payload\":{\"n\":2}}");
      event.getRequestContext().setRequestTimeEpoch(1_705_054_871_118L);
      function.handle(event, LambdaEvents.context(20_000));
      assertEquals(20_000 - buffer, seen.get().toMillis());
    }
  }
}
