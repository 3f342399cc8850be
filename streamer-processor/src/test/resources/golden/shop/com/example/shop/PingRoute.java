package com.example.shop;

import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.routing.ActionRoute;
import dev.streamer.core.routing.RouteExample;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Route of action {@code ping}: calls {@link Orders#ping}.
 *
 * <p>Synchronous, unless the runtime threshold says otherwise.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class PingRoute extends ActionRoute<Void, Void> {
  public static final String ACTION = "ping";

  public static final String DESCRIPTION = "";

  public static final long ESTIMATED_MILLIS = -1L;

  public static final boolean ASYNC = false;

  private final Orders handler;

  public PingRoute(Orders handler) {
    super(ACTION, DESCRIPTION, ESTIMATED_MILLIS, ASYNC, null, null, NULL_RESULT);
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public boolean takesProgress() {
    return false;
  }

  @Override
  public Void invoke(Void payload, RequestContext context, Progress progress) throws Exception {
    handler.ping();
    return null;
  }

  @Override
  protected RouteExample<Void> example() {
    return new RouteExample<>(null, null, null);
  }
}
