package dev.streamer.samples.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

/**
 * Child-JVM main of the cold-start proxy: does what Lambda does on a cold start of the {@code $default} function
 * (load and initialise the generated handler class, construct it) and routes one sync request, then prints
 * {@code COLDSTART <initMs> <firstRequestMs>} and exits. Exit code 2 if the reply is not a successful result.
 *
 * <pre>ColdStartProbe &lt;handler class&gt; &lt;connectionId&gt;</pre>
 */
public final class ColdStartProbe {

  static final String PREFIX = "COLDSTART ";
  static final String BODY = "{\"id\":\"cold-1\",\"action\":\"echo\",\"payload\":{\"message\":\"hello\"}}";

  private ColdStartProbe() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler =
        (RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>)
            Class.forName(args[0]).getDeclaredConstructor().newInstance();
    long initialised = System.nanoTime();
    APIGatewayV2WebSocketResponse response = handler.handleRequest(event(args[1]), CONTEXT);
    long answered = System.nanoTime();
    String body = response.getBody();
    if (response.getStatusCode() != 200 || body == null || !body.startsWith("{\"type\":\"result\"")) {
      System.out.println("UNEXPECTED " + response.getStatusCode() + " " + body);
      System.exit(2);
    }
    System.out.println(PREFIX + (initialised - start) / 1_000_000 + " " + (answered - initialised) / 1_000_000);
    System.exit(0);
  }

  private static APIGatewayV2WebSocketEvent event(String connectionId) {
    APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
    context.setRouteKey("$default");
    context.setEventType("MESSAGE");
    context.setConnectionId(connectionId);
    context.setDomainName("abc123.execute-api.us-east-1.amazonaws.com");
    context.setStage("prod");
    context.setRequestId("cold-start");
    APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
    event.setRequestContext(context);
    event.setBody(BODY);
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
