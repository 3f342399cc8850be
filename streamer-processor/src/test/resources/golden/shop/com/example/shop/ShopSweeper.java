package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.streamer.runtime.aws.lambda.StreamerLambda;
import javax.annotation.processing.Generated;

/**
 * AWS Lambda handler of application {@code Shop}:
 * the scheduled sweeper: re-drives due retries and expired leases.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ShopSweeper implements RequestHandler<ScheduledEvent, String> {
  private static final StreamerLambda RUNTIME = StreamerLambda.fromEnvironment(ShopRouteTable.create());

  @Override
  public String handleRequest(ScheduledEvent event, Context context) {
    return RUNTIME.sweep(event, context);
  }
}
