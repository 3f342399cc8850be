package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.streamer.runtime.aws.lambda.AwsRuntime;
import dev.streamer.runtime.aws.lambda.ConnectFunction;
import javax.annotation.processing.Generated;

/**
 * AWS Lambda handler of {@code Shop}, WebSocket route {@code $connect}: authenticates and stores the connection.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ShopConnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
  /**
   * The function of this execution environment, built by the first no-arg constructor.
   */
  private static ConnectFunction environmentFunction;

  private final ConnectFunction function;

  /**
   * For AWS Lambda: built once per execution environment from its variables, on first use.
   */
  public ShopConnectHandler() {
    this.function = fromEnvironment();
  }

  /**
   * The function on {@code runtime} (the local stack, tests).
   */
  public ShopConnectHandler(AwsRuntime runtime) {
    this.function = new ConnectFunction(runtime);
  }

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event,
      Context context) {
    return function.handle(event, context);
  }

  private static synchronized ConnectFunction fromEnvironment() {
    if (environmentFunction == null) {
      environmentFunction = new ConnectFunction(AwsRuntime.fromEnvironment());
    }
    return environmentFunction;
  }
}
