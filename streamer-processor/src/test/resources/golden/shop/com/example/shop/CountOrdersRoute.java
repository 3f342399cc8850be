package com.example.shop;

import com.example.shop.reports.Reports;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.json.JsonWrite;
import dev.streamer.core.routing.ActionRoute;
import dev.streamer.core.routing.RouteExample;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Route of action {@code count_orders}: calls {@link Reports#countOrders}.
 *
 * <p>Synchronous, unless the runtime threshold says otherwise.
 *
 * <p>The result is written by {@code JsonWrite.any} (Jackson databind fallback for POJOs).
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class CountOrdersRoute extends ActionRoute<Void, Integer> {
  public static final String ACTION = "count_orders";

  public static final String DESCRIPTION = "";

  public static final long ESTIMATED_MILLIS = 250L;

  public static final boolean ASYNC = false;

  private final Reports handler;

  public CountOrdersRoute(Reports handler) {
    super(ACTION, DESCRIPTION, ESTIMATED_MILLIS, ASYNC, null, null, JsonWrite.ANY);
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public boolean takesProgress() {
    return false;
  }

  @Override
  public Integer invoke(Void payload, RequestContext context, Progress progress) throws Exception {
    return handler.countOrders();
  }

  @Override
  protected RouteExample<Integer> example() {
    return new RouteExample<>(null, null, null);
  }
}
