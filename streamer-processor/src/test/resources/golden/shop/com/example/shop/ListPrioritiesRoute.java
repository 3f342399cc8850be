package com.example.shop;

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
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Route of action {@code list_priorities}: calls {@link Orders#priorities}.
 *
 * <p>Synchronous, unless the runtime threshold says otherwise.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ListPrioritiesRoute implements Route<Void, List<Priority>> {
  public static final String ACTION = "list_priorities";

  public static final String DESCRIPTION = "";

  public static final long ESTIMATED_MILLIS = -1L;

  public static final boolean ASYNC = false;

  private final Orders handler;

  public ListPrioritiesRoute(Orders handler) {
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
  public List<Priority> invoke(Void payload, RequestContext context, Progress progress) throws
      Exception {
    return handler.priorities();
  }

  @Override
  public void writeResult(List<Priority> result, JsonGenerator generator) throws IOException {
    JsonWrite.list(generator, result, PriorityJson.WRITER);
  }
}
