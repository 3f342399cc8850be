package dev.streamer.runtime.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.streamer.runtime.aws.internal.processor.Sweeper;
import java.util.Map;

/**
 * The scheduled sweeper: re-drives due retries and expired leases, every {@code SWEEP_INTERVAL} within its
 * one-minute schedule ({@code SweepSchedule}). Builds the request store and the connection manager (a request
 * failed for good is reported to its connection). The EventBridge event is taken as a map: its content is not
 * used, and this keeps the Lambda events library's joda-time out of the sweeper.
 */
public final class SweeperFunction {

  private final Sweeper sweeper;
  private final AwsRuntime runtime;
  /** Registered with CRaC when a snapshot is possible, else null (see {@link #priming()}). */
  private final Priming priming;

  public SweeperFunction(AwsRuntime runtime) {
    this.sweeper = new Sweeper(runtime.requestStore(), runtime.sender(), runtime.config().processorSettings(),
        runtime.log(), runtime.metrics());
    this.runtime = runtime;
    this.priming = runtime.registerPriming(null);
  }

  /** The SnapStart priming registered for this function (outside SnapStart, one that is not registered). */
  public Priming priming() {
    return priming != null ? priming : Priming.unregistered(null, runtime.log());
  }

  /**
   * Sweeps every {@code SWEEP_INTERVAL} until the next scheduled invocation (or the end of this one); returns a JSON
   * summary ({@code {"redriven":…,"failed":…}}).
   */
  public String handle(Map<String, Object> event, Context context) {
    return sweeper.sweepUntilNextSchedule(
        () -> context == null ? Long.MAX_VALUE : context.getRemainingTimeInMillis()).toJson();
  }
}
