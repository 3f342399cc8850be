package dev.streamer.runtime.aws.internal.processor;

import dev.streamer.core.app.HandlerKind;
import dev.streamer.runtime.aws.config.FunctionTimeouts;
import java.time.Duration;

/**
 * The one definition of how isolated actions ({@code @Action(isolated = true)}) are handed to the worker function,
 * read by the runtime, the SAM template ({@code EventInvokeConfig} of the worker) and the local stack's in-process
 * invoker.
 *
 * <p>Recovery has one owner, the sweeper: a request dispatched but not claimed within {@link #DISPATCH_TIMEOUT}
 * (the invocation was lost, throttled past its age, or the worker failed before claiming) is re-driven, and a
 * claimed one whose worker died is taken back when its lease expires. Lambda's own retries of an asynchronous
 * invocation would only duplicate that: the worker records every job outcome itself (failures, the request's own
 * retries), so a function error means an infrastructure fault before or after the job, which the sweeper recovers
 * from the stored state. Hence {@link #MAXIMUM_RETRY_ATTEMPTS} = 0, and events older than the dispatch timeout are
 * dropped ({@link #MAXIMUM_EVENT_AGE}): by then the sweeper has sent a fresh one.
 */
public final class IsolatedExecution {

  /** A dispatched request that no worker claimed for this long is re-driven by the sweeper. */
  public static final Duration DISPATCH_TIMEOUT = Duration.ofSeconds(60);
  /**
   * The worker's {@code EventInvokeConfig.MaximumRetryAttempts} (Lambda's default is 2): no retry by Lambda, the
   * sweeper re-drives instead.
   */
  public static final int MAXIMUM_RETRY_ATTEMPTS = 0;
  /**
   * The worker's {@code EventInvokeConfig.MaximumEventAgeInSeconds} (Lambda's range: 60 s to 6 h, default 6 h): an
   * event not started by then is dropped, since the sweeper re-dispatches after {@link #DISPATCH_TIMEOUT}.
   */
  public static final Duration MAXIMUM_EVENT_AGE = DISPATCH_TIMEOUT;
  /** The worker function's timeout: Lambda's maximum, 15 minutes, each job's own budget. */
  public static final Duration WORKER_TIMEOUT = FunctionTimeouts.of(HandlerKind.WORKER);

  private IsolatedExecution() {}
}
