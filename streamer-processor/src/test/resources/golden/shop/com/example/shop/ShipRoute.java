package com.example.shop;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.json.JsonDecodeException;
import dev.streamer.core.routing.Route;
import dev.streamer.core.validation.Violations;
import java.io.IOException;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Route of action {@code ship}: calls {@link Orders#ship}.
 *
 * <p>Synchronous, unless the runtime threshold says otherwise.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ShipRoute implements Route<OrderShipped, Void> {
  public static final String ACTION = "ship";

  public static final String DESCRIPTION = "";

  public static final long ESTIMATED_MILLIS = -1L;

  public static final boolean ASYNC = false;

  private final Orders handler;

  public ShipRoute(Orders handler) {
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
  public OrderShipped decode(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null || token == JsonToken.VALUE_NULL) {
      throw new JsonDecodeException("", "payload is required");
    }
    return OrderShippedJson.read(parser);
  }

  @Override
  public void validate(OrderShipped payload, Violations violations) {
    // nothing to check
  }

  @Override
  public Void invoke(OrderShipped payload, RequestContext context, Progress progress) throws
      Exception {
    handler.ship(context.notifier(), payload);
    return null;
  }

  @Override
  public void writeResult(Void result, JsonGenerator generator) throws IOException {
    generator.writeNull();
  }
}
