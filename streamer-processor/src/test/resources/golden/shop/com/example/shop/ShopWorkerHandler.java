package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.streamer.runtime.aws.lambda.AwsRuntime;
import dev.streamer.runtime.aws.lambda.WorkerFunction;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * AWS Lambda handler of {@code Shop}, worker invoked asynchronously by the stream processor: runs one request of an isolated action.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ShopWorkerHandler implements RequestHandler<Map<String, Object>, String> {
  /**
   * The function of this execution environment, built by the first no-arg constructor.
   */
  private static WorkerFunction environmentFunction;

  private final WorkerFunction function;

  /**
   * For AWS Lambda: built once per execution environment from its variables, on first use.
   */
  public ShopWorkerHandler() {
    this.function = fromEnvironment();
  }

  /**
   * The function on {@code runtime} (the local stack, tests).
   */
  public ShopWorkerHandler(AwsRuntime runtime) {
    this.function = function(runtime);
  }

  private static WorkerFunction function(AwsRuntime runtime) {
    ShopHandlers handlers = new ShopHandlers() {};
    return new WorkerFunction(runtime, ShopRouteTable.create(handlers), handlers.interceptors());
  }

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    return function.handle(event, context);
  }

  private static synchronized WorkerFunction fromEnvironment() {
    if (environmentFunction == null) {
      environmentFunction = function(AwsRuntime.fromEnvironment());
    }
    return environmentFunction;
  }
}
