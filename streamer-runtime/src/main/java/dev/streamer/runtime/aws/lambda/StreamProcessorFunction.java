package dev.streamer.runtime.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.streamer.core.routing.Interceptor;
import dev.streamer.core.routing.RouteExecutor;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.runtime.aws.internal.builtins.BuiltinRoutes;
import dev.streamer.runtime.aws.internal.processor.BatchedJobProgress;
import dev.streamer.runtime.aws.internal.processor.JobProgressFactory;
import dev.streamer.runtime.aws.internal.processor.StreamProcessor;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.internal.limits.TenantConcurrency;
import dev.streamer.runtime.aws.internal.processor.WorkerInvoker;
import java.util.List;
import java.util.Optional;

/**
 * The DynamoDB stream processor of the requests table: runs queued requests. Builds the request store, the
 * connection manager (progress and results are sent from here), the job workers and the progress scheduler; jobs
 * get their caller's {@code Notifier} ({@link AwsRuntime#notifiers}). Requests of isolated actions are handed to the
 * worker function ({@link AwsRuntime#workerInvoker}, {@code WORKER_FUNCTION}) instead of running here.
 */
public final class StreamProcessorFunction {

  private final StreamProcessor processor;
  private final AwsRuntime runtime;
  private final RouteTable primedRoutes;
  /** Registered with CRaC when a snapshot is possible, else null (see {@link #priming()}). */
  private final Priming priming;

  /** {@code routes}: the app's generated route table; {@code interceptors} wrap each async execution. */
  public StreamProcessorFunction(AwsRuntime runtime, RouteTable routes, List<Interceptor> interceptors) {
    this.processor = processor(runtime, routes, interceptors);
    Optional<WorkerInvoker> workers = runtime.workerInvoker(); // its Lambda client is built on the first dispatch
    processor.workers(() -> workers);
    this.runtime = runtime;
    this.primedRoutes = routes;
    this.priming = runtime.registerPriming(routes);
  }

  /** The processor of queued requests, as this function and the worker function run them. */
  static StreamProcessor processor(AwsRuntime runtime, RouteTable routes, List<Interceptor> interceptors) {
    DynamoRequestStore store = runtime.requestStore();
    JobProgressFactory progress = BatchedJobProgress.factory(store, runtime.sender(),
        runtime.config().progressInterval(), runtime.scheduler(), runtime.log(), runtime.metrics());
    StreamProcessor processor = new StreamProcessor(store, BuiltinRoutes.withBuiltins(routes, store,
        runtime.sender()), new RouteExecutor(interceptors), progress, runtime.sender(),
        runtime.config().processorSettings(), runtime.log(), runtime.metrics(), runtime.workers(),
        runtime.notifiers(routes));
    Optional<TenantConcurrency> gate = TenantControls.concurrency(runtime);
    return processor.concurrency(() -> gate);
  }

  /** The SnapStart priming registered for this function (outside SnapStart, one that is not registered). */
  public Priming priming() {
    return priming != null ? priming : Priming.unregistered(primedRoutes, runtime.log());
  }

  public StreamsEventResponse handle(DynamodbEvent event, Context context) {
    return processor.process(event,
        () -> context == null ? Long.MAX_VALUE : context.getRemainingTimeInMillis());
  }
}
