package dev.streamer.runtime.aws.internal.builtins;

import dev.streamer.core.protocol.CancelOutcome;
import dev.streamer.core.protocol.BuiltinAction;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.runtime.aws.internal.requests.CancelResult;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.Messages;
import dev.streamer.core.protocol.StreamerError;
import dev.streamer.runtime.aws.internal.connections.MessageSender;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import java.io.IOException;
import java.util.Objects;

/**
 * {@code cancel}: a queued request (or one waiting for a retry) is cancelled at once, never runs, and its owner's
 * connection receives the CANCELLED error, as for a running one that stops; a running one is asked to stop and sees
 * it through {@code RequestContext.isCancelled()} / {@code Progress.isCancelled()}; a finished one is left as it is.
 * The reply is the request's status plus {@code outcome} (CANCELLED, CANCEL_REQUESTED or ALREADY_FINISHED).
 */
public final class CancelRoute extends RequestRefRoute<CancelResult> {

  public static final String ACTION = BuiltinAction.CANCEL.actionName();

  private final MessageSender replies;

  public CancelRoute(DynamoRequestStore store, MessageSender replies) {
    super(store, ACTION, BuiltinAction.CANCEL.description());
    this.replies = Objects.requireNonNull(replies, "replies");
  }

  @Override
  public CancelResult invoke(RequestRef payload, RequestContext context, Progress progress) {
    owned(payload, context);
    CancelResult result = store.cancel(payload.requestId());
    if (result.outcome() == CancelOutcome.NOT_FOUND) {
      throw notFound();
    }
    if (result.outcome() == CancelOutcome.CANCELLED) {
      tellOwner(result.record());
    }
    return result;
  }

  /** The request's final message, to the connection its replies go to (best effort, as every final message). */
  private void tellOwner(RequestRecord cancelled) {
    if (cancelled.connectionId() == null) {
      return;
    }
    try {
      replies.send(cancelled.connectionId(), Messages.error(cancelled.clientId(), cancelled.requestId(),
          StreamerError.of(ErrorCode.CANCELLED, DynamoRequestStore.CANCELLED_MESSAGE)));
    } catch (RuntimeException e) {
      // the caller has its reply; a gone or failing connection can still ask for status
    }
  }

  @Override
  public void writeResult(CancelResult result, JsonGenerator generator) throws IOException {
    generator.writeStartObject();
    generator.writeStringField("outcome", result.outcome().name());
    RequestStatusJson.writeFields(generator, result.record());
    generator.writeEndObject();
  }
}
