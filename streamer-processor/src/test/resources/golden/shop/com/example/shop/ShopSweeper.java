package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.streamer.runtime.aws.lambda.AwsRuntime;
import dev.streamer.runtime.aws.lambda.SweeperFunction;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * AWS Lambda handler of application {@code Shop}:
 * the scheduled sweeper: re-drives due retries and expired leases.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ShopSweeper implements RequestHandler<Map<String, Object>, String> {
  private final SweeperFunction function;

  /**
   * For AWS Lambda: the function of this execution environment, built once from its environment
   * variables.
   */
  public ShopSweeper() {
    this.function = FromEnvironment.FUNCTION;
  }

  /**
   * The function on {@code runtime} (a local stack, tests), built for it alone.
   */
  public ShopSweeper(AwsRuntime runtime) {
    this.function = function(Objects.requireNonNull(runtime, "runtime"));
  }

  private static SweeperFunction function(AwsRuntime runtime) {
    // runs no action: the app's handlers are not created
    return new SweeperFunction(runtime);
  }

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    return function.handle(event, context);
  }

  /**
   * Built on the first use of the no-arg constructor, once per execution environment: loading the
   * handler class builds nothing.
   */
  private static final class FromEnvironment {
    static final SweeperFunction FUNCTION = function(AwsRuntime.fromEnvironment());
  }
}
