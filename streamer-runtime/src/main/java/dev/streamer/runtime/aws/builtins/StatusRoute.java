package dev.streamer.runtime.aws.builtins;

import dev.streamer.core.protocol.BuiltinAction;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.runtime.aws.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.requests.RequestRecord;
import java.io.IOException;

/** {@code status}: the caller's request, its progress and, once finished, its result or error. */
public final class StatusRoute extends RequestRefRoute<RequestRecord> {

  public static final String ACTION = BuiltinAction.STATUS.actionName();

  public StatusRoute(DynamoRequestStore store) {
    super(store, ACTION, BuiltinAction.STATUS.description());
  }

  @Override
  public RequestRecord invoke(RequestRef payload, RequestContext context, Progress progress) {
    return owned(payload, context);
  }

  @Override
  public void writeResult(RequestRecord result, JsonGenerator generator) throws IOException {
    RequestStatusJson.write(generator, result);
  }
}
