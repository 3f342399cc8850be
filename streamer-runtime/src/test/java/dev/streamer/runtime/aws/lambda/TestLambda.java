package dev.streamer.runtime.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.streamer.core.routing.RouteTable;
import java.util.List;
import java.util.Map;

/** The six functions over one runtime, as a local stack wires them; each built on first use. */
final class TestLambda {

  private final AwsRuntime runtime;
  private final RouteTable routes;

  TestLambda(AwsRuntime runtime, RouteTable routes) {
    this.runtime = runtime;
    this.routes = routes;
  }

  APIGatewayV2WebSocketResponse connect(APIGatewayV2WebSocketEvent event, Context context) {
    return new ConnectFunction(runtime).handle(event, context);
  }

  APIGatewayV2WebSocketResponse disconnect(APIGatewayV2WebSocketEvent event, Context context) {
    return new DisconnectFunction(runtime).handle(event, context);
  }

  APIGatewayV2WebSocketResponse message(APIGatewayV2WebSocketEvent event, Context context) {
    return new DefaultFunction(runtime, routes, List.of()).handle(event, context);
  }

  StreamsEventResponse process(DynamodbEvent event, Context context) {
    return new StreamProcessorFunction(runtime, routes, List.of()).handle(event, context);
  }

  String work(Map<String, Object> event, Context context) {
    return new WorkerFunction(runtime, routes, List.of()).handle(event, context);
  }

  String sweep(Map<String, Object> event, Context context) {
    return new SweeperFunction(runtime).handle(event, context);
  }
}
