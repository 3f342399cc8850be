package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.streamer.runtime.aws.lambda.AwsRuntime;
import dev.streamer.runtime.aws.lambda.ConnectFunction;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * AWS Lambda handler of application {@code Shop}:
 * the API Gateway WebSocket {@code $connect} route: authenticates and stores the connection.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ShopConnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
  private final ConnectFunction function;

  /**
   * For AWS Lambda: the function of this execution environment, built once from its environment
   * variables.
   */
  public ShopConnectHandler() {
    this.function = FromEnvironment.FUNCTION;
  }

  /**
   * The function on {@code runtime} (a local stack, tests), built for it alone.
   */
  public ShopConnectHandler(AwsRuntime runtime) {
    this.function = function(Objects.requireNonNull(runtime, "runtime"));
  }

  private static ConnectFunction function(AwsRuntime runtime) {
    // runs no action: the app's handlers are not created
    return new ConnectFunction(runtime);
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
    static final ConnectFunction FUNCTION = function(AwsRuntime.fromEnvironment());
  }
}
