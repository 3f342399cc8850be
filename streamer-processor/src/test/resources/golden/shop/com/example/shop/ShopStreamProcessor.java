package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.streamer.runtime.aws.lambda.StreamerLambda;
import javax.annotation.processing.Generated;

/**
 * AWS Lambda handler of application {@code Shop}:
 * the DynamoDB stream of the requests table: runs queued requests.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ShopStreamProcessor implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private static final StreamerLambda RUNTIME = StreamerLambda.fromEnvironment(ShopRouteTable.create());

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    return RUNTIME.process(event, context);
  }
}
