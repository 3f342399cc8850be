package com.example.shop;

import com.example.shop.reports.Reports;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.json.JsonRead;
import dev.streamer.core.json.JsonWrite;
import dev.streamer.core.routing.Route;
import dev.streamer.core.validation.Violations;
import java.io.IOException;
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
public final class CountOrdersRoute implements Route<Void, Integer> {
  public static final String ACTION = "count_orders";

  public static final String DESCRIPTION = "";

  public static final long ESTIMATED_MILLIS = 250L;

  public static final boolean ASYNC = false;

  private final Reports handler;

  public CountOrdersRoute(Reports handler) {
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
  public Void decode(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    // no payload: whatever was sent is skipped
    if (token != null) {
      JsonRead.skipValue(parser);
    }
    return null;
  }

  @Override
  public void validate(Void payload, Violations violations) {
    // nothing to check
  }

  @Override
  public Integer invoke(Void payload, RequestContext context, Progress progress) throws Exception {
    return handler.countOrders();
  }

  @Override
  public void writeResult(Integer result, JsonGenerator generator) throws IOException {
    JsonWrite.any(generator, result);
  }
}
