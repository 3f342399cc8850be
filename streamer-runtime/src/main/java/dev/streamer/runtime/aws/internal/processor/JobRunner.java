package dev.streamer.runtime.aws.internal.processor;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.streamer.core.Notifier;
import dev.streamer.core.RequestContext;
import dev.streamer.core.routing.Caller;
import java.util.function.Function;
import dev.streamer.core.RetryableException;
import dev.streamer.core.StreamerException;
import dev.streamer.runtime.aws.internal.connections.MessageSender;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogFields;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.core.json.Json;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.ErrorMapper;
import dev.streamer.core.protocol.Messages;
import dev.streamer.core.protocol.RetryInfo;
import dev.streamer.core.protocol.StreamerError;
import dev.streamer.core.routing.Phase;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteExecutor;
import dev.streamer.core.routing.RouteTable;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one claimed request to its outcome and records it: decode and validate the stored payload, run the action
 * through the interceptor chain (phase ASYNC) on a worker thread with a deadline, then complete, retry, fail or
 * cancel it with a conditional update and send the final message to the request's current connection.
 *
 * <p>A job's own failure is always recorded on the request, never thrown. Only {@link
 * dev.streamer.runtime.aws.internal.requests.RequestStoreException} (DynamoDB unavailable) escapes.
 */
final class JobRunner {

  /** Client-safe message of a result over {@link DynamoRequestStore#MAX_RESULT_BYTES}. */
  static final String RESULT_TOO_LARGE_MESSAGE = Messages.RESULT_TOO_LARGE;

  private final DynamoRequestStore store;
  private final RouteTable routes;
  private final RouteExecutor executor;
  private final JobProgressFactory progressFactory;
  private final MessageSender replies;
  private final ProcessorSettings settings;
  private final ErrorMapper errors;
  private final JsonLog log;
  private final Metrics metrics;
  private final Clock clock;
  private final ExecutorService workers;
  private final Function<Caller, Notifier> notifiers;
  private final ScheduledExecutorService leases;

  JobRunner(DynamoRequestStore store, RouteTable routes, RouteExecutor executor, JobProgressFactory progressFactory,
      MessageSender replies, ProcessorSettings settings, JsonLog log, Metrics metrics, ExecutorService workers,
      Function<Caller, Notifier> notifiers, ScheduledExecutorService leases) {
    this.notifiers = notifiers;
    this.store = store;
    this.routes = routes;
    this.executor = executor;
    this.progressFactory = progressFactory;
    this.replies = replies;
    this.settings = settings;
    this.clock = store.clock();
    this.errors = new ErrorMapper(clock);
    this.log = log;
    this.metrics = metrics;
    this.workers = workers;
    this.leases = leases;
  }

  /**
   * Runs {@code claimed} (just claimed by this worker) and records its outcome; the job must end by {@code deadline}.
   * Its lease is renewed (by progress writes, else by a heartbeat) up to {@code invocationEnd}.
   */
  void run(RequestRecord claimed, Instant deadline, Instant invocationEnd) {
    run(claimed, deadline, invocationEnd, null);
  }

  /**
   * Something held for as long as the job's lease (a tenant's running place): renewed by the lease's heartbeat to
   * the lease's new expiry; false once it expired before a renewal.
   */
  interface LeasedPlace {
    boolean renew(Instant until);
  }

  /** As {@link #run(RequestRecord, Instant, Instant)}, renewing {@code place} (nullable) with the lease. */
  void run(RequestRecord claimed, Instant deadline, Instant invocationEnd, LeasedPlace place) {
    JsonLog jobLog = log.withContext(fieldsOf(claimed));
    if (claimed.cancelRequested()) {
      recordCancelled(claimed, jobLog);
      return;
    }
    Route<?, ?> route = routes.find(claimed.action());
    if (route == null) {
      recordFailure(claimed, StreamerError.of(ErrorCode.INVALID_ACTION, "unknown action"), null, jobLog);
      return;
    }
    Object payload;
    try {
      payload = RouteExecutor.decodeAndValidate(route, claimed.payload());
    } catch (Exception | StackOverflowError invalid) {
      // a user @Pattern on a huge string can overflow the stack: still the payload's fault, so FAILED, not retried
      recordFailure(claimed, errors.toError(invalid, claimed.requestId()), invalid, jobLog);
      return;
    }

    Lease lease = new Lease(claimed.requestId(), claimed.attempts(), settings.leaseDuration(),
        claimed.started() == null ? clock.instant() : claimed.started(), invocationEnd, clock);
    JobProgress progress = progressFactory.open(claimed, lease);
    AtomicBoolean timedOut = new AtomicBoolean();
    RequestContext context = new RequestContext(claimed.requestId(), claimed.clientId(), claimed.action(),
        claimed.connectionId(), claimed.userId(), claimed.tenantId(), claimed.traceId(), claimed.metadata(),
        deadline, () -> timedOut.get() || lease.isLost() || lease.cancelRequested() || progress.isCancelled(), clock,
        notifiers.apply(new Caller(claimed.connectionId(), claimed.userId(), claimed.tenantId(), claimed.metadata(),
            claimed.traceId())),
        Math.max(1, claimed.attempts()), claimed.maxRetries() + 1);
    Future<String> job = workers.submit(() -> resultJson(route,
        executor.execute(route, payload, context, progress, Phase.ASYNC)));
    ScheduledFuture<?> heartbeat = startHeartbeat(lease, place, jobLog);
    try {
      runToOutcome(claimed, job, deadline, timedOut, progress, context, jobLog);
    } finally {
      heartbeat.cancel(false);
    }
  }

  private ScheduledFuture<?> startHeartbeat(Lease lease, LeasedPlace place, JsonLog jobLog) {
    long period = Math.max(1, lease.heartbeatPeriod().toMillis());
    AtomicBoolean placeLost = new AtomicBoolean(place == null);
    return leases.scheduleAtFixedRate(() -> {
      try {
        lease.heartbeat(store);
      } catch (RuntimeException e) {
        jobLog.warn("lease not renewed", LogFields.empty(), e); // the next beat tries again
      }
      // the place is renewed at every beat (progress writes renew the lease only): one write per third of a lease
      if (!placeLost.get() && !lease.isLost()) {
        try {
          if (!place.renew(lease.nextExpiry())) {
            placeLost.set(true);
            jobLog.warn("tenant running place expired before its renewal; the job runs on", LogFields.empty());
          }
        } catch (RuntimeException e) {
          jobLog.warn("tenant running place not renewed", LogFields.empty(), e); // the next beat tries again
        }
      }
    }, period, period, TimeUnit.MILLISECONDS);
  }

  private void runToOutcome(RequestRecord claimed, Future<String> job, Instant deadline, AtomicBoolean timedOut,
      JobProgress progress, RequestContext context, JsonLog jobLog) {
    String resultJson;
    try {
      long waitMillis = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
      resultJson = job.get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException late) {
      timedOut.set(true);
      job.cancel(true);
      progress.close();
      recordFailure(claimed, StreamerError.of(ErrorCode.TIMEOUT, DynamoRequestStore.TIMEOUT_MESSAGE), null,
          jobLog);
      return;
    } catch (ExecutionException failed) {
      progress.close();
      recordJobFailure(claimed, failed.getCause(), context, jobLog);
      return;
    } catch (InterruptedException interrupted) {
      // this invocation is being torn down: the lease expires and the sweeper recovers the request
      job.cancel(true);
      progress.close();
      Thread.currentThread().interrupt();
      return;
    }
    recordSuccess(claimed, resultJson, progress, jobLog);
  }

  private void recordSuccess(RequestRecord claimed, String resultJson, JobProgress progress, JsonLog jobLog) {
    int resultBytes = resultJson.getBytes(StandardCharsets.UTF_8).length;
    if (resultBytes > DynamoRequestStore.MAX_RESULT_BYTES) {
      progress.close();
      jobLog.error("result too large to store and send", LogFields.empty().with("resultBytes", resultBytes)
          .with("maxResultBytes", DynamoRequestStore.MAX_RESULT_BYTES));
      recordFailure(claimed, StreamerError.of(ErrorCode.INTERNAL_ERROR, RESULT_TOO_LARGE_MESSAGE), null, jobLog);
      return;
    }
    // the last progress report is written with the completion: a job that reports nothing in between costs two
    // writes after its enqueue (claim, completion)
    JobProgress.Held last = progress.closeForCompletion();
    Optional<RequestRecord> completed = store.complete(claimed.requestId(), claimed.attempts(), resultJson,
        last == null ? null : last.message());
    if (completed.isEmpty()) {
      lostLease(claimed, jobLog);
      return;
    }
    RequestRecord done = completed.get();
    if (last != null) {
      last.send(done.connectionId());
    }
    Duration took = Duration.between(claimed.started(), done.ended());
    metrics.requestCompleted(done.action(), done.requestId(), took);
    jobLog.info("request completed", LogFields.empty().status(done.status().name()).durationMs(took.toMillis()));
    deliver(done, Messages.result(done.clientId(), done.requestId(), resultJson), jobLog);
  }

  private void recordJobFailure(RequestRecord claimed, Throwable failure, RequestContext context, JsonLog jobLog) {
    boolean cancelledByCode = failure instanceof StreamerException s && s.code() == ErrorCode.CANCELLED;
    if (cancelledByCode || context.isCancelled()) {
      recordCancelled(claimed, jobLog);
      return;
    }
    if (failure instanceof RetryableException retryable && claimed.hasRetriesLeft()) {
      Duration delay = settings.backoff().delay(claimed.retryCount(), retryable.retryAfter());
      StreamerError error = errors.toExecutionError(failure, claimed.requestId());
      Optional<RequestRecord> retried = store.retry(claimed.requestId(), claimed.attempts(),
          clock.instant().plus(delay), error.code(), error.message());
      if (retried.isEmpty()) {
        lostLease(claimed, jobLog);
      } else if (retried.get().status() == RequestStatus.CANCELLED) {
        finishCancelled(retried.get(), jobLog);
      } else {
        jobLog.info("retry scheduled", LogFields.empty().status(RequestStatus.PENDING.name())
            .with("retryCount", retried.get().retryCount()).with("retryInMs", delay.toMillis())
            .with("errorCode", error.code().name()));
      }
      return;
    }
    StreamerError error = errors.toExecutionError(failure, claimed.requestId());
    if (failure instanceof RetryableException) {
      error = new StreamerError(error.code(), error.message(), error.details(),
          new RetryInfo(false, null, claimed.maxRetries() + 1, claimed.attempts()));
    }
    recordFailure(claimed, error, failure, jobLog);
  }

  /**
   * Records a final failure and tells the client. {@code cause} (nullable) is logged with its stack trace when the
   * error is INTERNAL_ERROR: the client sees only the fixed message, so the log line is where the cause is found.
   */
  private void recordFailure(RequestRecord claimed, StreamerError error, Throwable cause, JsonLog jobLog) {
    Optional<RequestRecord> failed = store.fail(claimed.requestId(), claimed.attempts(), error.code(),
        error.message());
    if (failed.isEmpty()) {
      lostLease(claimed, jobLog);
      return;
    }
    RequestRecord done = failed.get();
    Duration took = Duration.between(claimed.started(), done.ended());
    metrics.requestFailed(done.action(), done.requestId(), error.code().name(), took);
    LogFields fields = LogFields.empty().status(done.status().name()).durationMs(took.toMillis())
        .with("errorCode", error.code().name());
    if (error.code() == ErrorCode.INTERNAL_ERROR) {
      jobLog.error("request failed", fields, cause);
    } else {
      jobLog.info("request failed", fields);
    }
    deliver(done, Messages.error(done.clientId(), done.requestId(), error), jobLog);
  }

  private void recordCancelled(RequestRecord claimed, JsonLog jobLog) {
    Optional<RequestRecord> cancelled = store.cancelled(claimed.requestId(), claimed.attempts());
    if (cancelled.isEmpty()) {
      lostLease(claimed, jobLog);
    } else {
      finishCancelled(cancelled.get(), jobLog);
    }
  }

  private void finishCancelled(RequestRecord cancelled, JsonLog jobLog) {
    jobLog.info("request cancelled", LogFields.empty().status(cancelled.status().name()));
    deliver(cancelled, cancelledMessage(cancelled), jobLog);
  }

  static String cancelledMessage(RequestRecord cancelled) {
    return Messages.error(cancelled.clientId(), cancelled.requestId(),
        StreamerError.of(ErrorCode.CANCELLED, DynamoRequestStore.CANCELLED_MESSAGE));
  }

  private void lostLease(RequestRecord claimed, JsonLog jobLog) {
    jobLog.warn("outcome not recorded: the request is no longer held by this attempt",
        LogFields.empty().with("attempt", claimed.attempts()));
  }

  private void deliver(RequestRecord request, String message, JsonLog jobLog) {
    deliverFinal(replies, request, message, jobLog);
  }

  /**
   * Sends a request's final message to its current connection, best effort: a connection that is gone or a send
   * fault is logged and never fails the request (the client can still ask for {@code status}).
   */
  static void deliverFinal(MessageSender replies, RequestRecord request, String message, JsonLog requestLog) {
    if (request.connectionId() == null) {
      return;
    }
    try {
      if (!replies.send(request.connectionId(), message)) {
        requestLog.info("final message not delivered", LogFields.empty().connectionId(request.connectionId()));
      }
    } catch (RuntimeException e) {
      requestLog.warn("final message not delivered", LogFields.empty().connectionId(request.connectionId()), e);
    }
  }

  static LogFields fieldsOf(RequestRecord r) {
    return LogFields.empty().requestId(r.requestId()).action(r.action()).connectionId(r.connectionId())
        .tenantId(r.tenantId()).traceId(r.traceId());
  }

  @SuppressWarnings("unchecked") // an interceptor returning another type fails here, as an internal error
  private static <R> String resultJson(Route<?, R> route, Object result) throws IOException {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator generator = Json.FACTORY.createGenerator(out)) {
      route.writeResult((R) result, generator);
    }
    return out.toString();
  }
}
