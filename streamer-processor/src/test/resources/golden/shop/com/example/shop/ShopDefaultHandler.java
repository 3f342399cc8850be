package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.streamer.runtime.aws.lambda.StreamerLambda;
import javax.annotation.processing.Generated;

/**
 * AWS Lambda handler of application {@code Shop}:
 * the API Gateway WebSocket {@code $default} route: routes each message.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ShopDefaultHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
  private static final StreamerLambda RUNTIME = StreamerLambda.fromEnvironment(ShopRouteTable.create());

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event,
      Context context) {
    return RUNTIME.message(event, context);
  }
}
