package dev.streamer.samples.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Child-JVM main of the cold-start harness: does what Lambda does on a cold start (load and initialise the handler
 * class, construct it through its public no-arg constructor) and sends it one event through
 * {@link RequestHandler#handleRequest}, then prints {@code REPLY <status> <body>} and
 * {@code COLDSTART <initMs> <firstRequestMs> <cpuMs>} (the process's CPU time, all threads) and exits. Exit code 2
 * if the reply is not a success.
 *
 * <pre>ColdStartProbe message &lt;handler&gt; &lt;connectionId&gt;        ($default: the echo below)
 * ColdStartProbe connect &lt;handler&gt; &lt;connectionId&gt; &lt;jwt&gt;  ($connect, Authorization: Bearer)</pre>
 */
public final class ColdStartProbe {

  static final String PREFIX = "COLDSTART ";
  static final String REPLY = "REPLY ";
  static final String BODY = "{\"id\":\"cold-1\",\"action\":\"echo\",\"payload\":{\"message\":\"hello\"}}";

  private ColdStartProbe() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    boolean connect = switch (args[0]) {
      case "connect" -> true;
      case "message" -> false;
      default -> throw new IllegalArgumentException("mode connect or message: " + args[0]);
    };
    APIGatewayV2WebSocketEvent event = connect ? connectEvent(args[2], args[3]) : messageEvent(args[2]);
    long start = System.nanoTime();
    RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler =
        (RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>)
            Class.forName(args[1]).getDeclaredConstructor().newInstance();
    long initialised = System.nanoTime();
    APIGatewayV2WebSocketResponse response = handler.handleRequest(event, CONTEXT);
    long answered = System.nanoTime();
    String body = response.getBody();
    System.out.println(REPLY + response.getStatusCode() + " " + body);
    boolean success = response.getStatusCode() == 200
        && (connect ? body == null : body != null && body.startsWith("{\"type\":\"result\""));
    if (!success) {
      System.exit(2);
    }
    // after the reply, so its cost is not measured: CPU time of all threads (JIT and GC included) up to here
    long cpuMs = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    System.out.println(PREFIX + (initialised - start) / 1_000_000 + " " + (answered - initialised) / 1_000_000
        + " " + cpuMs);
    System.exit(0);
  }

  private static APIGatewayV2WebSocketEvent messageEvent(String connectionId) {
    APIGatewayV2WebSocketEvent event = event("$default", "MESSAGE", connectionId);
    event.setBody(BODY);
    return event;
  }

  private static APIGatewayV2WebSocketEvent connectEvent(String connectionId, String token) {
    APIGatewayV2WebSocketEvent event = event("$connect", "CONNECT", connectionId);
    event.setHeaders(Map.of("Authorization", "Bearer " + token));
    return event;
  }

  private static APIGatewayV2WebSocketEvent event(String routeKey, String eventType, String connectionId) {
    APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
    context.setRouteKey(routeKey);
    context.setEventType(eventType);
    context.setConnectionId(connectionId);
    context.setDomainName("abc123.execute-api.us-east-1.amazonaws.com");
    context.setStage("prod");
    context.setRequestId("cold-start");
    APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
    event.setRequestContext(context);
    return event;
  }

  private static final Context CONTEXT = new Context() {
    @Override public String getAwsRequestId() { return "00000000-0000-0000-0000-00000000c01d"; }
    @Override public String getLogGroupName() { return "/aws/lambda/coldstart"; }
    @Override public String getLogStreamName() { return "coldstart"; }
    @Override public String getFunctionName() { return "coldstart"; }
    @Override public String getFunctionVersion() { return "1"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:cold"; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 29_000; }
    @Override public int getMemoryLimitInMB() { return 256; }
    @Override public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override public void log(String message) {}
        @Override public void log(byte[] message) {}
      };
    }
  };
}
