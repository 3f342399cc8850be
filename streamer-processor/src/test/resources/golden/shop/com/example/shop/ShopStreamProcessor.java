package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.streamer.runtime.aws.lambda.AwsRuntime;
import dev.streamer.runtime.aws.lambda.StreamProcessorFunction;
import javax.annotation.processing.Generated;

/**
 * AWS Lambda handler of {@code Shop}, stream of the requests table: runs queued requests.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ShopStreamProcessor implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  /**
   * The function of this execution environment, built by the first no-arg constructor.
   */
  private static StreamProcessorFunction environmentFunction;

  private final StreamProcessorFunction function;

  /**
   * For AWS Lambda: built once per execution environment from its variables, on first use.
   */
  public ShopStreamProcessor() {
    this.function = fromEnvironment();
  }

  /**
   * The function on {@code runtime} (the local stack, tests).
   */
  public ShopStreamProcessor(AwsRuntime runtime) {
    this.function = function(runtime);
  }

  private static StreamProcessorFunction function(AwsRuntime runtime) {
    ShopHandlers handlers = new ShopHandlers() {};
    return new StreamProcessorFunction(runtime, ShopRouteTable.create(handlers), handlers.interceptors());
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    return function.handle(event, context);
  }

  private static synchronized StreamProcessorFunction fromEnvironment() {
    if (environmentFunction == null) {
      environmentFunction = function(AwsRuntime.fromEnvironment());
    }
    return environmentFunction;
  }
}
