package dev.streamer.samples;

import dev.streamer.annotations.Action;
import dev.streamer.core.RequestContext;

/** A fast action: no {@code estimated}, so it runs synchronously and answers on the socket at once. */
public final class Echo {

  @Action(description = "Returns the message, with the caller's user and tenant.")
  public EchoResult echo(EchoRequest request, RequestContext context) {
    return new EchoResult(request.message(), context.userId(), context.tenantId());
  }
}
