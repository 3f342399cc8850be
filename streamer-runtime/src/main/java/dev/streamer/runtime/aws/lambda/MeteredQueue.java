package dev.streamer.runtime.aws.lambda;

import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogFields;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import dev.streamer.core.routing.AsyncRequest;
import dev.streamer.core.routing.RequestQueue;

/** Emits RequestQueued and a log line for every request the router queues. */
final class MeteredQueue implements RequestQueue {
  private final RequestQueue delegate;
  private final JsonLog log;
  private final Metrics metrics;

  MeteredQueue(RequestQueue delegate, JsonLog log, Metrics metrics) {
    this.delegate = delegate;
    this.log = log;
    this.metrics = metrics;
  }

  @Override
  public void enqueue(AsyncRequest request) {
    delegate.enqueue(request);
    metrics.requestQueued(request.action(), request.requestId());
    log.info("request queued", LogFields.empty().requestId(request.requestId()).action(request.action())
        .connectionId(request.connectionId()).tenantId(request.tenantId()).traceId(request.traceId())
        .status("PENDING"));
  }
}
