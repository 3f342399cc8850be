package dev.streamer.runtime.aws.internal.builtins;

import dev.streamer.core.protocol.BuiltinAction;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.StreamerException;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import dev.streamer.core.protocol.ErrorCode;
import java.io.IOException;

/**
 * {@code subscribe}: re-attaches one of the caller's requests to the caller's current connection (after a reconnect),
 * so its further progress and its result arrive there. The reply is the request's status after attaching; when it has
 * already finished, the reply carries the result or error, so nothing is lost in between.
 */
public final class SubscribeRoute extends RequestRefRoute<RequestRecord> {

  public static final String ACTION = BuiltinAction.SUBSCRIBE.actionName();

  public SubscribeRoute(DynamoRequestStore store) {
    super(store, ACTION, BuiltinAction.SUBSCRIBE.description());
  }

  @Override
  public RequestRecord invoke(RequestRef payload, RequestContext context, Progress progress) {
    if (context.connectionId() == null) {
      throw new StreamerException(ErrorCode.VALIDATION_ERROR, "subscribe needs a WebSocket connection");
    }
    owned(payload, context);
    return store.attach(payload.requestId(), context.connectionId()).orElseThrow(RequestRefRoute::notFound);
  }

  @Override
  public void writeResult(RequestRecord result, JsonGenerator generator) throws IOException {
    RequestStatusJson.write(generator, result);
  }
}
