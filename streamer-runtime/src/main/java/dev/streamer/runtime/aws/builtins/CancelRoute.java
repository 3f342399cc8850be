package dev.streamer.runtime.aws.builtins;

import dev.streamer.core.protocol.CancelOutcome;
import dev.streamer.core.protocol.BuiltinAction;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.runtime.aws.requests.CancelResult;
import dev.streamer.runtime.aws.requests.DynamoRequestStore;
import java.io.IOException;

/**
 * {@code cancel}: a queued request is cancelled at once and never runs; a running one is asked to stop and sees it
 * through {@code RequestContext.isCancelled()} / {@code Progress.isCancelled()}; a finished one is left as it is. The
 * reply is the request's status plus {@code outcome} (CANCELLED, CANCEL_REQUESTED or ALREADY_FINISHED).
 */
public final class CancelRoute extends RequestRefRoute<CancelResult> {

  public static final String ACTION = BuiltinAction.CANCEL.actionName();

  public CancelRoute(DynamoRequestStore store) {
    super(store, ACTION, BuiltinAction.CANCEL.description());
  }

  @Override
  public CancelResult invoke(RequestRef payload, RequestContext context, Progress progress) {
    owned(payload, context);
    CancelResult result = store.cancel(payload.requestId());
    if (result.outcome() == CancelOutcome.NOT_FOUND) {
      throw notFound();
    }
    return result;
  }

  @Override
  public void writeResult(CancelResult result, JsonGenerator generator) throws IOException {
    generator.writeStartObject();
    generator.writeStringField("outcome", result.outcome().name());
    RequestStatusJson.writeFields(generator, result.record());
    generator.writeEndObject();
  }
}
