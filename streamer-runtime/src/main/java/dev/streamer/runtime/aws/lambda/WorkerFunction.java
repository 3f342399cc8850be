package dev.streamer.runtime.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.streamer.core.routing.Interceptor;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.runtime.aws.internal.observability.LogFields;
import dev.streamer.runtime.aws.internal.processor.StreamProcessor;
import dev.streamer.runtime.aws.internal.processor.WorkerJob;
import java.util.List;
import java.util.Map;

/**
 * The worker function: runs one request of an isolated action ({@code @Action(isolated = true)}) in its own
 * invocation, invoked asynchronously by the stream processor with {@code {"requestId":"…","attempt":0}}. It claims
 * the request (only while it is PENDING at that attempt: a duplicate or late invocation runs nothing) and runs it as
 * the processor would, with this invocation's remaining time as its budget (up to Lambda's 15 minutes), a renewed
 * lease, progress, the result or error, and the app's interceptors. Builds the request store, the connection manager,
 * the job workers and the progress scheduler; no Lambda client.
 */
public final class WorkerFunction {

  private final StreamProcessor processor;
  private final AwsRuntime runtime;
  private final RouteTable primedRoutes;
  /** Registered with CRaC when a snapshot is possible, else null (see {@link #priming()}). */
  private final Priming priming;

  /** {@code routes}: the app's generated route table; {@code interceptors} wrap each execution. */
  public WorkerFunction(AwsRuntime runtime, RouteTable routes, List<Interceptor> interceptors) {
    this.runtime = runtime;
    this.processor = StreamProcessorFunction.processor(runtime, routes, interceptors);
    this.primedRoutes = routes;
    this.priming = runtime.registerPriming(routes);
  }

  /** The SnapStart priming registered for this function (outside SnapStart, one that is not registered). */
  public Priming priming() {
    return priming != null ? priming : Priming.unregistered(primedRoutes, runtime.log());
  }

  /**
   * Runs the job of {@code event}; returns {@code {"requestId":"…","ran":true}} when this invocation ran it. A
   * malformed event is logged and ignored (an error would only be retried). Throws when DynamoDB is unavailable:
   * the function error is not retried by Lambda ({@code IsolatedExecution}), the sweeper re-drives the request.
   */
  public String handle(Map<String, Object> event, Context context) {
    WorkerJob job;
    try {
      job = WorkerJob.fromEvent(event);
    } catch (IllegalArgumentException malformed) {
      runtime.log().error("worker event ignored: not {\"requestId\",\"attempt\"}", LogFields.empty(), malformed);
      return "{\"ran\":false}";
    }
    boolean ran = processor.runDispatched(job,
        () -> context == null ? Long.MAX_VALUE : context.getRemainingTimeInMillis());
    return "{\"requestId\":\"" + job.requestId().replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"ran\":" + ran
        + "}";
  }
}
