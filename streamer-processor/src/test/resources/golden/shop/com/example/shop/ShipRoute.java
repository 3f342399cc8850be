package com.example.shop;

import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.routing.ActionRoute;
import dev.streamer.core.routing.RouteExample;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Route of action {@code ship}: calls {@link Orders#ship}.
 *
 * <p>Synchronous, unless the runtime threshold says otherwise.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ShipRoute extends ActionRoute<OrderShipped, Void> {
  public static final String ACTION = "ship";

  public static final String DESCRIPTION = "";

  public static final long ESTIMATED_MILLIS = -1L;

  public static final boolean ASYNC = false;

  private final Orders handler;

  public ShipRoute(Orders handler) {
    super(ACTION, DESCRIPTION, ESTIMATED_MILLIS, ASYNC, OrderShippedJson.READER, null, NULL_RESULT);
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public boolean takesProgress() {
    return false;
  }

  @Override
  public Void invoke(OrderShipped payload, RequestContext context, Progress progress) throws
      Exception {
    handler.ship(context.notifier(), payload);
    return null;
  }

  @Override
  protected RouteExample<Void> example() {
    return new RouteExample<>("{\"orderId\":\"00000000-0000-0000-0000-000000000000\",\"shippedAt\":\"1970-01-01T00:00:00Z\",\"priority\":\"LOW\"}", null,
        null);
  }
}
