package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.streamer.runtime.aws.lambda.AwsRuntime;
import dev.streamer.runtime.aws.lambda.DefaultFunction;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * AWS Lambda handler of application {@code Shop}:
 * the API Gateway WebSocket {@code $default} route: routes each message.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ShopDefaultHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
  private final DefaultFunction function;

  /**
   * For AWS Lambda: the function of this execution environment, built once from its environment
   * variables.
   */
  public ShopDefaultHandler() {
    this.function = FromEnvironment.FUNCTION;
  }

  /**
   * The function on {@code runtime} (a local stack, tests), built for it alone.
   */
  public ShopDefaultHandler(AwsRuntime runtime) {
    this.function = function(Objects.requireNonNull(runtime, "runtime"));
  }

  private static DefaultFunction function(AwsRuntime runtime) {
    ShopHandlers handlers = new ShopHandlers() {};
    return new DefaultFunction(runtime, ShopRouteTable.create(handlers), handlers.interceptors());
  }

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event,
      Context context) {
    return function.handle(event, context);
  }

  /**
   * Built on the first use of the no-arg constructor, once per execution environment: loading the
   * handler class builds nothing.
   */
  private static final class FromEnvironment {
    static final DefaultFunction FUNCTION = function(AwsRuntime.fromEnvironment());
  }
}
