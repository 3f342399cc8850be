package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.streamer.runtime.aws.lambda.AwsRuntime;
import dev.streamer.runtime.aws.lambda.DefaultFunction;
import javax.annotation.processing.Generated;

/**
 * AWS Lambda handler of {@code Shop}, WebSocket route {@code $default}: routes each message.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ShopDefaultHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
  /**
   * The function of this execution environment, built by the first no-arg constructor.
   */
  private static DefaultFunction environmentFunction;

  private final DefaultFunction function;

  /**
   * For AWS Lambda: built once per execution environment from its variables, on first use.
   */
  public ShopDefaultHandler() {
    this.function = fromEnvironment();
  }

  /**
   * The function on {@code runtime} (the local stack, tests).
   */
  public ShopDefaultHandler(AwsRuntime runtime) {
    this.function = function(runtime);
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

  private static synchronized DefaultFunction fromEnvironment() {
    if (environmentFunction == null) {
      environmentFunction = function(AwsRuntime.fromEnvironment());
    }
    return environmentFunction;
  }
}
