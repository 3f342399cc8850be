package dev.streamer.runtime.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import dev.streamer.runtime.aws.LambdaEvents;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link AwsRuntime#traceId}, {@link AwsRuntime#traceHeader} and {@link AwsRuntime#rootTraceId}. */
class TraceIdTest {

  @Test
  void rootIsTheTraceId() {
    assertEquals("1-5759e988-bd862e3fe1be46a994272793",
        AwsRuntime.rootTraceId("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));
    assertEquals("1-a-b", AwsRuntime.rootTraceId("Parent=1; Root=1-a-b"));
    assertNull(AwsRuntime.rootTraceId("Parent=1;Sampled=0"));
    assertNull(AwsRuntime.rootTraceId("Root="));
    assertNull(AwsRuntime.rootTraceId(null));
  }

  @Test
  void anEventsTraceHeaderWinsOverTheInvocations() {
    APIGatewayV2WebSocketEvent connect = LambdaEvents.read("websocket-connect.json", APIGatewayV2WebSocketEvent.class);
    AwsRuntime runtime = AwsRuntime.builder(Map.of(AwsRuntime.TRACE_HEADER_ENV, "Root=1-env-trace",
        "REQUESTS_TABLE", "r", "CONNECTIONS_TABLE", "c")).build();
    String previous = System.getProperty(AwsRuntime.TRACE_HEADER_PROPERTY);
    try {
      System.clearProperty(AwsRuntime.TRACE_HEADER_PROPERTY);
      assertEquals("1-65a1132c-0b2f7c5e3e8d4f1a2b3c4d5e", runtime.traceId(connect), "AWS's sample $connect event's header");
      assertEquals("1-env-trace", runtime.traceId(new APIGatewayV2WebSocketEvent()), "no header: the invocation's");
      assertEquals("1-env-trace", runtime.traceId(null));
    } finally {
      if (previous != null) {
        System.setProperty(AwsRuntime.TRACE_HEADER_PROPERTY, previous);
      }
    }
  }

  @Test
  void systemPropertyWinsOverTheProcessEnvironment() {
    String previous = System.getProperty(AwsRuntime.TRACE_HEADER_PROPERTY);
    try {
      System.clearProperty(AwsRuntime.TRACE_HEADER_PROPERTY);
      assertEquals("Root=env", AwsRuntime.traceHeader(Map.of(AwsRuntime.TRACE_HEADER_ENV, "Root=env")));
      assertNull(AwsRuntime.traceHeader(Map.of()));
      System.setProperty(AwsRuntime.TRACE_HEADER_PROPERTY, "Root=prop");
      assertEquals("Root=prop", AwsRuntime.traceHeader(Map.of(AwsRuntime.TRACE_HEADER_ENV, "Root=env")));
    } finally {
      if (previous == null) {
        System.clearProperty(AwsRuntime.TRACE_HEADER_PROPERTY);
      } else {
        System.setProperty(AwsRuntime.TRACE_HEADER_PROPERTY, previous);
      }
    }
  }
}
