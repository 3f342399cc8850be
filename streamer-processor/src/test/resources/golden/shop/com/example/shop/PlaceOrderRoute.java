package com.example.shop;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.json.JsonDecodeException;
import dev.streamer.core.routing.Route;
import dev.streamer.core.validation.Path;
import dev.streamer.core.validation.Violations;
import java.io.IOException;
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
public final class PlaceOrderRoute implements Route<OrderRequest, OrderReceipt> {
  public static final String ACTION = "place_order";

  public static final String DESCRIPTION = "Places an order";

  public static final long ESTIMATED_MILLIS = -1L;

  public static final boolean ASYNC = false;

  private final Orders handler;

  public PlaceOrderRoute(Orders handler) {
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public String action() {
    return ACTION;
  }

  @Override
  public String description() {
    return DESCRIPTION;
  }

  @Override
  public long estimatedMillis() {
    return ESTIMATED_MILLIS;
  }

  @Override
  public boolean async() {
    return ASYNC;
  }

  @Override
  public OrderRequest decode(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null || token == JsonToken.VALUE_NULL) {
      throw new JsonDecodeException("", "payload is required");
    }
    return OrderRequestJson.read(parser);
  }

  @Override
  public void validate(OrderRequest payload, Violations violations) {
    OrderRequestValidator.INSTANCE.validate(payload, Path.ROOT, violations);
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
  public void writeResult(OrderReceipt result, JsonGenerator generator) throws IOException {
    OrderReceiptJson.write(generator, result);
  }
}
