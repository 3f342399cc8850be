package dev.streamer.runtime.aws.internal.builtins;

import dev.streamer.core.protocol.BuiltinAction;
import dev.streamer.core.protocol.RequestStatus;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import java.io.IOException;

/** {@code status}: the caller's request, its progress and, once finished, its result or error. */
public final class StatusRoute extends RequestRefRoute<StatusRoute.Reply> {

  public static final String ACTION = BuiltinAction.STATUS.actionName();

  /** The request and, when it waits for its tenant's running cap, its place ({@code queue}). */
  public record Reply(RequestRecord request, QueuePosition.Queued queue) {}

  private final QueuePosition positions;

  public StatusRoute(DynamoRequestStore store) {
    this(store, QueuePosition.NONE);
  }

  public StatusRoute(DynamoRequestStore store, QueuePosition positions) {
    super(store, ACTION, BuiltinAction.STATUS.description());
    this.positions = java.util.Objects.requireNonNull(positions, "positions");
  }

  @Override
  public Reply invoke(RequestRef payload, RequestContext context, Progress progress) {
    RequestRecord request = owned(payload, context);
    return new Reply(request, request.status() == RequestStatus.PENDING ? positions.of(request) : null);
  }

  /** The request's fields, plus {@code queue: {position, running, cap, reason}} while it waits for a place. */
  @Override
  public void writeResult(Reply result, JsonGenerator generator) throws IOException {
    generator.writeStartObject();
    RequestStatusJson.writeFields(generator, result.request());
    if (result.queue() != null) {
      generator.writeObjectFieldStart("queue");
      generator.writeNumberField("position", result.queue().position());
      generator.writeNumberField("running", result.queue().running());
      generator.writeNumberField("cap", result.queue().cap());
      generator.writeStringField("reason", result.queue().reason());
      generator.writeEndObject();
    }
    generator.writeEndObject();
  }
}
