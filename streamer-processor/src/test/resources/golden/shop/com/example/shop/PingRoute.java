package com.example.shop;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.json.JsonRead;
import dev.streamer.core.routing.Route;
import dev.streamer.core.validation.Violations;
import java.io.IOException;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Route of action {@code ping}: calls {@link Orders#ping}.
 *
 * <p>Synchronous, unless the runtime threshold says otherwise.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class PingRoute implements Route<Void, Void> {
  public static final String ACTION = "ping";

  public static final String DESCRIPTION = "";

  public static final long ESTIMATED_MILLIS = -1L;

  public static final boolean ASYNC = false;

  private final Orders handler;

  public PingRoute(Orders handler) {
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
  public Void invoke(Void payload, RequestContext context, Progress progress) throws Exception {
    handler.ping();
    return null;
  }

  @Override
  public void writeResult(Void result, JsonGenerator generator) throws IOException {
    generator.writeNull();
  }
}
