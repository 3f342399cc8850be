package dev.streamer.runtime.aws.internal.processor;

import dev.streamer.runtime.aws.internal.connections.MessageSender;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogFields;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.runtime.aws.internal.requests.SweepCandidate;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.Messages;
import dev.streamer.core.protocol.RetryInfo;
import dev.streamer.core.protocol.StreamerError;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The scheduled safety net of the queue. Re-drives PENDING requests that are due (a retry whose delay has passed,
 * one whose stream record was lost, or one dispatched to a worker that did not claim it within
 * {@link IsolatedExecution#DISPATCH_TIMEOUT}) by touching them, which makes the stream deliver a fresh MODIFY record; and
 * takes back PROCESSING requests whose lease expired because their Lambda crashed or was stopped (back to PENDING
 * while retries are left, else FAILED with TIMEOUT, and CANCELLED when the caller asked to cancel).
 *
 * <p>Every action is a conditional update, so sweepers running concurrently with each other or with the processor
 * never override a live worker.
 */
public final class Sweeper {

  /**
   * What one sweep did.
   *
   * @param redriven  PENDING requests touched for redelivery
   * @param recovered expired leases put back to PENDING
   * @param failed    expired leases with no retries left, now FAILED
   * @param cancelled expired leases whose caller had cancelled, now CANCELLED
   */
  public record Report(int redriven, int recovered, int failed, int cancelled) {

    public String toJson() {
      return "{\"redriven\":" + redriven + ",\"recovered\":" + recovered + ",\"failed\":" + failed
          + ",\"cancelled\":" + cancelled + "}";
    }
  }

  private final DynamoRequestStore store;
  private final MessageSender replies;
  private final ProcessorSettings settings;
  private final JsonLog log;
  private final Metrics metrics;

  public Sweeper(DynamoRequestStore store, MessageSender replies, ProcessorSettings settings, JsonLog log,
      Metrics metrics) {
    this.store = store;
    this.replies = replies;
    this.settings = settings;
    this.log = log;
    this.metrics = metrics;
  }

  /** Time a sweep may take: the next sweep starts only when at least this much is left after the pause. */
  static final Duration SWEEP_BUDGET = Duration.ofSeconds(10);

  /**
   * What one scheduled invocation does: sweeps, then again every {@link ProcessorSettings#sweepInterval()} until the
   * next invocation is due ({@link SweepSchedule#RATE} after this one started) or too little of the invocation's
   * {@code remainingMillis} is left. EventBridge cannot invoke more often than once a minute, so this is how a
   * crashed job is taken back within lease + interval. Returns the sum of the sweeps; stops early when interrupted.
   *
   * <p>A sweep that fails (DynamoDB unavailable) is logged and the next one runs an interval later, so the work
   * left by an outage is swept soon after it ends rather than at the next invocation; when every sweep of the
   * invocation failed, the last failure is thrown (the invocation counts as failed).
   */
  public Report sweepUntilNextSchedule(LongSupplier remainingMillis) {
    long start = System.nanoTime();
    Duration interval = settings.sweepInterval();
    Report total = new Report(0, 0, 0, 0);
    RuntimeException lastFailure = null;
    boolean anySwept = false;
    while (true) {
      try {
        Report next = sweep();
        anySwept = true;
        total = new Report(total.redriven() + next.redriven(), total.recovered() + next.recovered(),
            total.failed() + next.failed(), total.cancelled() + next.cancelled());
      } catch (RuntimeException e) {
        lastFailure = e;
        log.warn("sweep failed; the next one runs in " + interval.toMillis() + " ms", LogFields.empty(), e);
      }
      long nextAt = System.nanoTime() + interval.toNanos();
      boolean beforeNextInvocation = nextAt - start < SweepSchedule.RATE.toNanos();
      boolean timeLeft = remainingMillis.getAsLong() - interval.toMillis() >= SWEEP_BUDGET.toMillis();
      if (!beforeNextInvocation || !timeLeft) {
        break;
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException stopping) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (!anySwept && lastFailure != null) {
      throw lastFailure;
    }
    return total;
  }

  /** One sweep. Throws {@link dev.streamer.runtime.aws.internal.requests.RequestStoreException} when DynamoDB is down. */
  public Report sweep() {
    int redriven = 0;
    int recovered = 0;
    int failed = 0;
    int cancelled = 0;
    for (SweepCandidate candidate : store.dueForSweep(store.clock().instant(), settings.stalePendingAfter(),
        IsolatedExecution.DISPATCH_TIMEOUT, settings.sweepLimit())) {
      if (candidate.status() == RequestStatus.PENDING) {
        if (store.redrive(candidate.requestId()).isPresent()) {
          redriven++;
        }
        continue;
      }
      Optional<RequestRecord> after = store.expireLease(candidate);
      if (after.isEmpty()) {
        continue; // its worker finished, or another sweeper got there first
      }
      RequestRecord request = after.get();
      JsonLog requestLog = log.withContext(JobRunner.fieldsOf(request));
      switch (request.status()) {
        case PENDING -> {
          recovered++;
          requestLog.warn("expired lease recovered", LogFields.empty().status(request.status().name())
              .with("attempt", candidate.attempts()).with("retryCount", request.retryCount()));
        }
        case CANCELLED -> {
          cancelled++;
          requestLog.info("request cancelled", LogFields.empty().status(request.status().name()));
          deliver(request, JobRunner.cancelledMessage(request), requestLog);
        }
        default -> {
          failed++;
          Duration took = request.started() == null || request.ended() == null
              ? null : Duration.between(request.started(), request.ended());
          metrics.requestFailed(request.action(), request.requestId(), ErrorCode.TIMEOUT.name(), took);
          requestLog.warn("expired lease with no retries left: request failed",
              LogFields.empty().status(request.status().name()));
          StreamerError error = new StreamerError(ErrorCode.TIMEOUT, DynamoRequestStore.TIMEOUT_MESSAGE, Map.of(),
              new RetryInfo(false, null, request.maxRetries() + 1, request.attempts()));
          deliver(request, Messages.error(request.clientId(), request.requestId(), error), requestLog);
        }
      }
    }
    Report report = new Report(redriven, recovered, failed, cancelled);
    log.info("sweep done", LogFields.empty().with("redriven", redriven).with("recovered", recovered)
        .with("failed", failed).with("cancelled", cancelled));
    return report;
  }

  private void deliver(RequestRecord request, String message, JsonLog requestLog) {
    JobRunner.deliverFinal(replies, request, message, requestLog);
  }
}
