package dev.streamer.samples.deploy;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Child-JVM main: loads one handler class the way Lambda does (initialise, no-arg constructor), configured only by
 * the process environment, and invokes it with events built from the arguments. Prints one {@code RESULT} line per
 * invocation.
 *
 * <pre>HandlerProbe &lt;class&gt; connect|disconnect|message|process|work|sweep &lt;connectionId&gt;
 *     [token | body… | requestId action | requestId attempt]</pre>
 */
public final class HandlerProbe {

  static final String RESULT = "RESULT ";

  private HandlerProbe() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    RequestHandler<Object, Object> handler =
        (RequestHandler<Object, Object>) Class.forName(args[0]).getDeclaredConstructor().newInstance();
    String kind = args[1];
    String connectionId = args[2];
    List<String> rest = Arrays.asList(args).subList(3, args.length);
    switch (kind) {
      case "connect" -> {
        APIGatewayV2WebSocketEvent event = socketEvent("$connect", "CONNECT", connectionId);
        event.setHeaders(Map.of("Authorization", "Bearer " + rest.get(0)));
        print(handler.handleRequest(event, CONTEXT));
      }
      case "disconnect" -> print(handler.handleRequest(socketEvent("$disconnect", "DISCONNECT", connectionId),
          CONTEXT));
      case "message" -> {
        for (String body : rest) {
          APIGatewayV2WebSocketEvent event = socketEvent("$default", "MESSAGE", connectionId);
          event.setBody(body);
          print(handler.handleRequest(event, CONTEXT));
        }
      }
      case "process" -> {
        DynamodbEvent batch = new DynamodbEvent();
        batch.setRecords(rest.isEmpty() ? List.of() : List.of(pendingInsert(rest.get(0), rest.get(1))));
        print(handler.handleRequest(batch, CONTEXT));
      }
      case "work" -> print(handler.handleRequest(Map.of("requestId", rest.get(0), "attempt",
          Integer.parseInt(rest.get(1))), CONTEXT));
      case "sweep" -> print(handler.handleRequest(Map.of("detail-type", "Scheduled Event", "source", "aws.events",
          "detail", Map.of()), CONTEXT));
      default -> throw new IllegalArgumentException(kind);
    }
  }

  /**
   * The stream record of a request just queued (INSERT, status PENDING), as the event source mapping delivers it; the
   * processor claims the stored item, so the image needs only the key, status and action.
   */
  static DynamodbEvent.DynamodbStreamRecord pendingInsert(String requestId, String action) {
    Map<String, AttributeValue> image = Map.of(
        "requestId", new AttributeValue().withS(requestId),
        "status", new AttributeValue().withS("PENDING"),
        "action", new AttributeValue().withS(action));
    StreamRecord data = new StreamRecord();
    data.setKeys(Map.of("requestId", new AttributeValue().withS(requestId)));
    data.setNewImage(image);
    data.setSequenceNumber("100000000000000000001");
    data.setStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    record.setEventName("INSERT");
    record.setEventSource("aws:dynamodb");
    record.setDynamodb(data);
    return record;
  }

  static APIGatewayV2WebSocketEvent socketEvent(String routeKey, String eventType, String connectionId) {
    APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
    context.setRouteKey(routeKey);
    context.setEventType(eventType);
    context.setConnectionId(connectionId);
    context.setDomainName("abc123.execute-api.us-east-1.amazonaws.com");
    context.setStage("prod");
    context.setRequestId("probe-" + System.nanoTime());
    APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
    event.setRequestContext(context);
    return event;
  }

  private static void print(Object response) {
    String text;
    if (response instanceof APIGatewayV2WebSocketResponse socket) {
      text = socket.getStatusCode() + " " + socket.getBody();
    } else if (response instanceof StreamsEventResponse stream) {
      text = "failures=" + stream.getBatchItemFailures().size();
    } else {
      text = String.valueOf(response);
    }
    System.out.println(RESULT + text);
  }

  /** A Lambda context with 30 s left. */
  static final Context CONTEXT = new Context() {
    @Override public String getAwsRequestId() { return "00000000-0000-0000-0000-000000000001"; }
    @Override public String getLogGroupName() { return "/aws/lambda/probe"; }
    @Override public String getLogStreamName() { return "probe"; }
    @Override public String getFunctionName() { return "probe"; }
    @Override public String getFunctionVersion() { return "1"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:probe"; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 30_000; }
    @Override public int getMemoryLimitInMB() { return 256; }
    @Override public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override public void log(String message) { System.out.print(message); }
        @Override public void log(byte[] message) { System.out.print(new String(message)); }
      };
    }
  };
}
