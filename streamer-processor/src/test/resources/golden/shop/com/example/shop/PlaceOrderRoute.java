package com.example.shop;

import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.routing.ActionRoute;
import dev.streamer.core.routing.RouteExample;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Route of action {@code place_order}: calls {@link Orders#placeOrder}.
 *
 * <p>Places an order
 *
 * <p>Synchronous, unless the runtime threshold says otherwise.
 * Per request, {@code large()} on the payload decides.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class PlaceOrderRoute extends ActionRoute<OrderRequest, OrderReceipt> {
  public static final String ACTION = "place_order";

  public static final String DESCRIPTION = "Places an order";

  public static final long ESTIMATED_MILLIS = -1L;

  public static final boolean ASYNC = false;

  private final Orders handler;

  public PlaceOrderRoute(Orders handler) {
    super(ACTION, DESCRIPTION, ESTIMATED_MILLIS, ASYNC, OrderRequestJson.READER, OrderRequestValidator.INSTANCE,
        OrderReceiptJson.WRITER);
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public boolean takesProgress() {
    return false;
  }

  @Override
  public Boolean queueWhen(OrderRequest payload) {
    return payload.large();
  }

  @Override
  public OrderReceipt invoke(OrderRequest payload, RequestContext context, Progress progress) throws
      Exception {
    return handler.placeOrder(context, payload);
  }

  @Override
  protected RouteExample<OrderReceipt> example() {
    return new RouteExample<>("{\"customer\":\"\",\"email\":\"\",\"items\":[],\"priority\":\"LOW\",\"note\":null,\"tags\":{},\"country\":\"\",\"deliverBy\":\"1970-01-01\",\"shipTo\":null}", "{\"id\":\"00000000-0000-0000-0000-000000000000\",\"createdAt\":\"1970-01-01T00:00:00Z\",\"items\":[],\"totalCents\":0,\"checksums\":[],\"category\":{\"name\":\"\",\"children\":[]}}",
        OrderReceiptJson.READER);
  }
}
