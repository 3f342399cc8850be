package dev.streamer.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.streamer.runtime.aws.lambda.AwsRuntime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Hand-written handlers (they ignore the stack's runtime) that record what the stack hands them: the stack's contract tested without the generated
 * code. {@code $connect} accepts only {@code ?token=good} and echoes a requested {@code streamer} subprotocol;
 * {@code $default} answers {@code echo:<body>}; the processor fails a record once when its item says so.
 */
final class RecordingHandlers {

  final BlockingQueue<APIGatewayV2WebSocketEvent> connects = new LinkedBlockingQueue<>();
  final BlockingQueue<APIGatewayV2WebSocketEvent> messages = new LinkedBlockingQueue<>();
  final BlockingQueue<APIGatewayV2WebSocketEvent> disconnects = new LinkedBlockingQueue<>();
  final BlockingQueue<DynamodbEvent.DynamodbStreamRecord> records = new LinkedBlockingQueue<>();
  final BlockingQueue<Integer> remainingMillis = new LinkedBlockingQueue<>();
  final BlockingQueue<Map<String, Object>> sweeps = new LinkedBlockingQueue<>();
  /** Request ids whose first delivery is reported as a batch item failure. */
  final Set<String> failOnce = ConcurrentHashMap.newKeySet();

  RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> connect(AwsRuntime runtime) {
    return (event, context) -> {
      connects.add(event);
      Map<String, String> query = event.getQueryStringParameters();
      if (query == null || !"good".equals(query.get("token"))) {
        return response(401, "{\"message\":\"Unauthorized\"}", Map.of());
      }
      String protocols = event.getHeaders().get("Sec-WebSocket-Protocol");
      if (protocols != null && List.of(protocols.split(",\\s*")).contains("streamer")) {
        return response(200, null, Map.of("Sec-WebSocket-Protocol", "streamer"));
      }
      return response(200, null, Map.of());
    };
  }

  RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> message(AwsRuntime runtime) {
    return (event, context) -> {
      messages.add(event);
      if ("boom".equals(event.getBody())) {
        throw new IllegalStateException("handler failure");
      }
      return response(200, "echo:" + event.getBody(), Map.of());
    };
  }

  RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> disconnect(AwsRuntime runtime) {
    return (event, context) -> {
      disconnects.add(event);
      return response(200, null, Map.of());
    };
  }

  RequestHandler<DynamodbEvent, StreamsEventResponse> processor(AwsRuntime runtime) {
    return new RequestHandler<>() {
      @Override
      public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        remainingMillis.add(context.getRemainingTimeInMillis());
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
          records.add(record);
          String id = record.getDynamodb().getKeys().get("requestId").getS();
          if (failOnce.remove(id)) {
            return new StreamsEventResponse(
                List.of(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber())));
          }
        }
        return new StreamsEventResponse(List.of());
      }
    };
  }

  RequestHandler<Map<String, Object>, String> sweeper(AwsRuntime runtime) {
    return (event, context) -> {
      sweeps.add(event);
      return "{\"swept\":true}";
    };
  }

  private static APIGatewayV2WebSocketResponse response(int status, String body, Map<String, String> headers) {
    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
    response.setStatusCode(status);
    response.setBody(body);
    response.setHeaders(headers);
    return response;
  }
}
