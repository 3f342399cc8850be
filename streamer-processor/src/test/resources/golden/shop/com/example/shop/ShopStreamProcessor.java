package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.streamer.runtime.aws.lambda.AwsRuntime;
import dev.streamer.runtime.aws.lambda.StreamProcessorFunction;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * AWS Lambda handler of application {@code Shop}:
 * the DynamoDB stream of the requests table: runs queued requests.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ShopStreamProcessor implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private final StreamProcessorFunction function;

  /**
   * For AWS Lambda: the function of this execution environment, built once from its environment
   * variables.
   */
  public ShopStreamProcessor() {
    this.function = FromEnvironment.FUNCTION;
  }

  /**
   * The function on {@code runtime} (a local stack, tests), built for it alone.
   */
  public ShopStreamProcessor(AwsRuntime runtime) {
    this.function = function(Objects.requireNonNull(runtime, "runtime"));
  }

  private static StreamProcessorFunction function(AwsRuntime runtime) {
    ShopHandlers handlers = new ShopHandlers() {};
    return new StreamProcessorFunction(runtime, ShopRouteTable.create(handlers), handlers.interceptors());
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    return function.handle(event, context);
  }

  /**
   * Built on the first use of the no-arg constructor, once per execution environment: loading the
   * handler class builds nothing.
   */
  private static final class FromEnvironment {
    static final StreamProcessorFunction FUNCTION = function(AwsRuntime.fromEnvironment());
  }
}
