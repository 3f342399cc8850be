package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.streamer.runtime.aws.lambda.AwsRuntime;
import dev.streamer.runtime.aws.lambda.SweeperFunction;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * AWS Lambda handler of {@code Shop}, scheduled sweeper: re-drives due retries and expired leases.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ShopSweeper implements RequestHandler<Map<String, Object>, String> {
  /**
   * The function of this execution environment, built by the first no-arg constructor.
   */
  private static SweeperFunction environmentFunction;

  private final SweeperFunction function;

  /**
   * For AWS Lambda: built once per execution environment from its variables, on first use.
   */
  public ShopSweeper() {
    this.function = fromEnvironment();
  }

  /**
   * The function on {@code runtime} (the local stack, tests).
   */
  public ShopSweeper(AwsRuntime runtime) {
    this.function = new SweeperFunction(runtime);
  }

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    return function.handle(event, context);
  }

  private static synchronized SweeperFunction fromEnvironment() {
    if (environmentFunction == null) {
      environmentFunction = new SweeperFunction(AwsRuntime.fromEnvironment());
    }
    return environmentFunction;
  }
}
