package dev.streamer.runtime.aws.builtins;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.streamer.runtime.Progress;
import dev.streamer.runtime.RequestContext;
import dev.streamer.runtime.aws.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.requests.RequestRecord;
import java.io.IOException;

/** {@code status}: the caller's request, its progress and, once finished, its result or error. */
public final class StatusRoute extends RequestRefRoute<RequestRecord> {

  public static final String ACTION = "status";

  public StatusRoute(DynamoRequestStore store) {
    super(store, ACTION, "Status, progress and result of one of your requests");
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
