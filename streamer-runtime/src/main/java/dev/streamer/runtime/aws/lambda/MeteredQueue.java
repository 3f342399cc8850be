package dev.streamer.runtime.aws.lambda;

import dev.streamer.runtime.aws.internal.observability.LogFields;
import dev.streamer.core.routing.AsyncRequest;
import dev.streamer.core.routing.RequestQueue;

/**
 * Puts each request the router queues in the runtime's request store, then emits RequestQueued and a log line. The
 * store and the metrics are asked of the runtime on the first enqueue: a cold start serving a sync action builds
 * neither.
 */
final class MeteredQueue implements RequestQueue {
  private final AwsRuntime runtime;

  MeteredQueue(AwsRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void enqueue(AsyncRequest request) {
    runtime.requestStore().enqueue(request);
    runtime.metrics().requestQueued(request.action(), request.requestId());
    runtime.log().info("request queued", LogFields.empty().requestId(request.requestId()).action(request.action())
        .connectionId(request.connectionId()).tenantId(request.tenantId()).traceId(request.traceId())
        .status("PENDING"));
  }
}
