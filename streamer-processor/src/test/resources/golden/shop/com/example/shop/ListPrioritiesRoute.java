package com.example.shop;

import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.json.JsonRead;
import dev.streamer.core.json.JsonWrite;
import dev.streamer.core.routing.ActionRoute;
import dev.streamer.core.routing.RouteExample;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Route of action {@code list_priorities}: calls {@link Orders#priorities}.
 *
 * <p>Synchronous, unless the runtime threshold says otherwise.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ListPrioritiesRoute extends ActionRoute<Void, List<Priority>> {
  public static final String ACTION = "list_priorities";

  public static final String DESCRIPTION = "";

  public static final long ESTIMATED_MILLIS = -1L;

  public static final boolean ASYNC = false;

  private final Orders handler;

  public ListPrioritiesRoute(Orders handler) {
    super(ACTION, DESCRIPTION, ESTIMATED_MILLIS, ASYNC, null, null,
        (g0, v0) -> JsonWrite.list(g0, v0, PriorityJson.WRITER));
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public boolean takesProgress() {
    return false;
  }

  @Override
  public List<Priority> invoke(Void payload, RequestContext context, Progress progress) throws
      Exception {
    return handler.priorities();
  }

  @Override
  protected RouteExample<List<Priority>> example() {
    return new RouteExample<>(null, "[]", p0 -> JsonRead.list(p0, PriorityJson.READER));
  }
}
