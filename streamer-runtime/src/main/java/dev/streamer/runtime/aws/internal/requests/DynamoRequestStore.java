package dev.streamer.runtime.aws.internal.requests;

import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.core.protocol.CancelOutcome;
import static dev.streamer.runtime.aws.internal.requests.RequestAttributes.*;
import static dev.streamer.runtime.aws.internal.requests.RequestConditions.attemptsAre;
import static dev.streamer.runtime.aws.internal.requests.RequestConditions.duePending;
import static dev.streamer.runtime.aws.internal.requests.RequestConditions.ownedBy;
import static dev.streamer.runtime.aws.internal.requests.RequestItemCodec.millis;
import static dev.streamer.runtime.aws.internal.requests.RequestItemCodec.n;
import static dev.streamer.runtime.aws.internal.requests.RequestItemCodec.s;

import dev.streamer.runtime.aws.internal.progress.ProgressState;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.routing.AsyncRequest;
import dev.streamer.core.routing.RequestQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The requests table: the async queue and the durable record of every async request.
 *
 * <p>Every status change is one conditional {@code UpdateItem} in place, guarded by the expected status and, once
 * claimed, by the attempt number ({@code attempts}), so a worker whose lease was taken over can no longer write.
 * Methods return empty when their condition fails (someone else changed the request first) and throw
 * {@link RequestStoreException} when DynamoDB cannot be reached. Thread-safe.
 */
public final class DynamoRequestStore implements RequestQueue {

  /**
   * Largest result, in UTF-8 bytes. A result must reach the client in one WebSocket message (128 KiB, including the
   * envelope of a {@code result} message or a {@code status} reply), and the item, payload included, must stay under
   * DynamoDB's 400 KB. Larger results fail with INTERNAL_ERROR "result too large": store them elsewhere and return a
   * reference.
   */
  public static final int MAX_RESULT_BYTES = 120 * 1024;

  /** Client-safe message of a request that ran out of time. */
  public static final String TIMEOUT_MESSAGE = "The request did not finish in time";

  /** Client-safe message of a cancelled request. */
  public static final String CANCELLED_MESSAGE = "The request was cancelled";

  private static final AttributeValue ONE = n(1);

  private final String table;
  private final Clock clock;
  private final Duration requestTtl;
  private final int defaultMaxRetries;
  private final RequestItems items;
  private final RequestIndexReads indexReads;

  public DynamoRequestStore(DynamoDbClient client, String table, Clock clock, Duration requestTtl, int maxRetries) {
    Objects.requireNonNull(client, "client");
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.requestTtl = Objects.requireNonNull(requestTtl, "requestTtl");
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries < 0");
    }
    this.defaultMaxRetries = maxRetries;
    this.items = new RequestItems(client, this.table);
    this.indexReads = new RequestIndexReads(client, this.table);
  }

  public String table() {
    return table;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * Stores the request as PENDING. Idempotent: a second enqueue of the same id changes nothing. Throws
   * {@link RequestStoreException} (a {@link dev.streamer.core.RetryableException}) when DynamoDB is unavailable.
   */
  @Override
  public void enqueue(AsyncRequest request) {
    RequestRecord record = new RequestRecord(request.requestId(), RequestStatus.PENDING, request.action(),
        request.payload(), request.clientId(), request.userId(), request.tenantId(), request.connectionId(),
        request.traceId(), request.metadata(), request.createdAt(),
        request.createdAt().plus(requestTtl).getEpochSecond(), 0, defaultMaxRetries, null, 0, null, null, null,
        null, null, null, null, null, false);
    try {
      items.insert(record);
    } catch (ConditionalCheckFailedException alreadyQueued) {
      // the same request was enqueued before (a retried router invocation): nothing to do
    }
  }

  /** The request, read consistently. */
  public Optional<RequestRecord> get(String requestId) {
    return items.get(requestId);
  }

  /**
   * Claims a due PENDING request for one attempt: PROCESSING, lease until now + {@code lease}, {@code attempts}
   * + 1. Returns the claimed request (with the progress earlier attempts stored, which this one starts from), or
   * empty when it is not PENDING, not due, or another worker won.
   */
  public Optional<RequestRecord> claim(String requestId, Duration lease) {
    return claim(requestId, lease, -1);
  }

  /**
   * As {@link #claim(String, Duration)}, and only when the request's {@code attempts} still equals
   * {@code expectedAttempts} (a worker's claim of a dispatched request: an invocation sent for an earlier round
   * claims nothing); -1: any.
   */
  public Optional<RequestRecord> claim(String requestId, Duration lease, int expectedAttempts) {
    Instant now = clock.instant();
    ItemUpdate update = duePending(now)
        .set(STATUS, s(RequestStatus.PROCESSING.name()))
        .set(STARTED, millis(now))
        .set(LEASE_EXPIRES_AT, millis(now.plus(lease)))
        .setExpression("#attempts = if_not_exists(#attempts, :zero) + :one")
        .value("zero", n(0))
        .value("one", ONE);
    if (expectedAttempts >= 0) {
      attemptsAre(update, expectedAttempts);
    }
    return conditionalUpdate(requestId, update);
  }

  /**
   * Marks a due PENDING request of an isolated action as handed to a worker ({@code dispatchedAt} = now), guarded by
   * its {@code attempts}. Empty when it is no longer PENDING and due at that attempt (claimed, cancelled, finished):
   * then no worker is invoked.
   */
  public Optional<RequestRecord> markDispatched(String requestId, int attempts) {
    Instant now = clock.instant();
    ItemUpdate update = duePending(now).set(DISPATCHED_AT, millis(now));
    return conditionalUpdate(requestId, attemptsAre(update, attempts));
  }

  /** PROCESSING → COMPLETED with {@code resultJson}, for the attempt that holds the lease; progress becomes 1. */
  public Optional<RequestRecord> complete(String requestId, int attempt, String resultJson) {
    return complete(requestId, attempt, resultJson, null);
  }

  /**
   * PROCESSING → COMPLETED with {@code resultJson} and progress 1, for the attempt that holds the lease. A non-null
   * {@code progressMessage} is the job's last progress message, written here instead of in a write of its own.
   */
  public Optional<RequestRecord> complete(String requestId, int attempt, String resultJson, String progressMessage) {
    ItemUpdate update = ownedBy(attempt)
        .set(STATUS, s(RequestStatus.COMPLETED.name()))
        .set(RESULT, s(resultJson))
        .set(ENDED, millis(clock.instant()))
        .set(PROGRESS, n(1))
        .remove(LEASE_EXPIRES_AT)
        .remove(ERROR_CODE)
        .remove(ERROR_MESSAGE);
    if (progressMessage != null) {
      update.set(PROGRESS_MESSAGE, s(progressMessage));
    }
    return conditionalUpdate(requestId, update);
  }

  /** PROCESSING → FAILED with a client-safe error, for the attempt that holds the lease. */
  public Optional<RequestRecord> fail(String requestId, int attempt, ErrorCode code, String message) {
    ItemUpdate update = ownedBy(attempt)
        .set(STATUS, s(RequestStatus.FAILED.name()))
        .set(ERROR_CODE, s(code.name()))
        .set(ERROR_MESSAGE, s(message))
        .set(ENDED, millis(clock.instant()))
        .remove(LEASE_EXPIRES_AT);
    return conditionalUpdate(requestId, update);
  }

  /** PROCESSING → CANCELLED: the running attempt stopped because the caller cancelled. */
  public Optional<RequestRecord> cancelled(String requestId, int attempt) {
    ItemUpdate update = ownedBy(attempt)
        .set(STATUS, s(RequestStatus.CANCELLED.name()))
        .set(ERROR_CODE, s(ErrorCode.CANCELLED.name()))
        .set(ERROR_MESSAGE, s(CANCELLED_MESSAGE))
        .set(ENDED, millis(clock.instant()))
        .remove(LEASE_EXPIRES_AT);
    return conditionalUpdate(requestId, update);
  }

  /**
   * PROCESSING → PENDING, not to be claimed before {@code retryAfter}; {@code retryCount} + 1; the failure is kept as
   * the last error. When the caller asked to cancel meanwhile, the request becomes CANCELLED instead (the returned
   * record says which). Empty when the attempt no longer holds the lease.
   */
  public Optional<RequestRecord> retry(
      String requestId, int attempt, Instant retryAfter, ErrorCode code, String message) {
    ItemUpdate update = ownedBy(attempt)
        .set(STATUS, s(RequestStatus.PENDING.name()))
        .set(RETRY_AFTER, millis(retryAfter))
        .setExpression("#retryCount = if_not_exists(#retryCount, :zero) + :one")
        .value("zero", n(0))
        .value("one", ONE)
        .set(ERROR_CODE, s(code.name()))
        .set(ERROR_MESSAGE, s(message))
        .remove(LEASE_EXPIRES_AT)
        .value("true", AttributeValue.fromBool(true))
        .condition("attribute_not_exists(#cancelRequested) OR #cancelRequested <> :true");
    try {
      return Optional.of(updateOrThrow(requestId, update));
    } catch (ConditionalCheckFailedException e) {
      RequestRecord old = e.hasItem() ? RequestItemCodec.fromItem(e.item()) : null;
      if (old != null && old.status() == RequestStatus.PROCESSING && old.attempts() == attempt
          && old.cancelRequested()) {
        return cancelled(requestId, attempt);
      }
      return Optional.empty();
    }
  }

  /**
   * Writes the latest progress of a running attempt and renews its lease to {@code leaseExpiresAt}. Progress never
   * goes down, across attempts too: a {@code fraction} below the stored one is not written (a conditional update),
   * and the answer is then read from the item as it is. Returns where replies go now and whether the caller asked to
   * cancel; empty when the attempt no longer holds the request (it finished, or its lease was taken over).
   */
  public Optional<ProgressState> recordProgress(String requestId, int attempt, double fraction, String message,
      Instant leaseExpiresAt) {
    ItemUpdate update = ownedBy(attempt)
        .set(PROGRESS, AttributeValue.fromN(Double.toString(fraction)))
        .setOrRemove(PROGRESS_MESSAGE, message == null ? null : s(message))
        .condition("attribute_not_exists(#progress) OR #progress <= :progress");
    if (leaseExpiresAt != null) {
      update.set(LEASE_EXPIRES_AT, millis(leaseExpiresAt));
    }
    try {
      RequestRecord now = updateOrThrow(requestId, update);
      return Optional.of(new ProgressState(now.connectionId(), now.cancelRequested()));
    } catch (ConditionalCheckFailedException e) {
      RequestRecord old = e.hasItem() && !e.item().isEmpty() ? RequestItemCodec.fromItem(e.item()) : null;
      if (old != null && old.status() == RequestStatus.PROCESSING && old.attempts() == attempt) {
        return Optional.of(new ProgressState(old.connectionId(), old.cancelRequested())); // lower: dropped
      }
      return Optional.empty();
    }
  }

  /** {@link #recordProgress(String, int, double, String, Instant)} without renewing the lease. */
  public Optional<ProgressState> recordProgress(String requestId, int attempt, double fraction, String message) {
    return recordProgress(requestId, attempt, fraction, message, null);
  }

  /**
   * Extends the lease of a running attempt to {@code leaseExpiresAt} (the heartbeat of a job that reports no
   * progress). Returns where replies go and whether the caller asked to cancel; empty when the attempt no longer
   * holds the request.
   */
  public Optional<ProgressState> renewLease(String requestId, int attempt, Instant leaseExpiresAt) {
    ItemUpdate update = ownedBy(attempt).set(LEASE_EXPIRES_AT, millis(leaseExpiresAt));
    return conditionalUpdate(requestId, update).map(r -> new ProgressState(r.connectionId(), r.cancelRequested()));
  }

  /**
   * Whether attempt {@code attempt} should stop: the caller asked to cancel, or the attempt no longer holds the
   * request (finished, or its lease was taken over). One eventually consistent read of three attributes.
   */
  public boolean shouldStop(String requestId, int attempt) {
    Map<String, AttributeValue> item = items.project(requestId, "#status, #attempts, #cancelRequested");
    if (item == null || item.isEmpty()) {
      return true;
    }
    return RequestItemCodec.bool(item, CANCEL_REQUESTED)
        || !RequestStatus.PROCESSING.name().equals(RequestItemCodec.string(item, STATUS))
        || RequestItemCodec.longValue(item, ATTEMPTS, 0) != attempt;
  }

  /** PENDING → CANCELLED at once; PROCESSING → {@code cancelRequested}; terminal → unchanged. */
  public CancelResult cancel(String requestId) {
    ItemUpdate cancelQueued = new ItemUpdate()
        .set(STATUS, s(RequestStatus.CANCELLED.name()))
        .set(ERROR_CODE, s(ErrorCode.CANCELLED.name()))
        .set(ERROR_MESSAGE, s(CANCELLED_MESSAGE))
        .set(ENDED, millis(clock.instant()))
        .value("pending", s(RequestStatus.PENDING.name()))
        .condition("#status = :pending");
    Optional<RequestRecord> cancelled = conditionalUpdate(requestId, cancelQueued);
    if (cancelled.isPresent()) {
      return new CancelResult(CancelOutcome.CANCELLED, cancelled.get());
    }
    ItemUpdate requestCancel = new ItemUpdate()
        .set(CANCEL_REQUESTED, AttributeValue.fromBool(true))
        .value("processing", s(RequestStatus.PROCESSING.name()))
        .condition("#status = :processing");
    Optional<RequestRecord> requested = conditionalUpdate(requestId, requestCancel);
    if (requested.isPresent()) {
      return new CancelResult(CancelOutcome.CANCEL_REQUESTED, requested.get());
    }
    // neither PENDING nor PROCESSING: terminal, missing, or it moved between the two updates (then ask again)
    Optional<RequestRecord> now = get(requestId);
    if (now.isEmpty()) {
      return new CancelResult(CancelOutcome.NOT_FOUND, null);
    }
    return now.get().status().isTerminal()
        ? new CancelResult(CancelOutcome.ALREADY_FINISHED, now.get())
        : cancel(requestId);
  }

  /** Sends the rest of the request's progress and its result to {@code connectionId}. Empty when it doesn't exist. */
  public Optional<RequestRecord> attach(String requestId, String connectionId) {
    ItemUpdate update = new ItemUpdate()
        .set(CONNECTION_ID, s(connectionId))
        .condition("attribute_exists(#requestId)");
    return conditionalUpdate(requestId, update);
  }

  /** Requests whose replies go to {@code connectionId}, through the {@code connection-requests} index. */
  public List<RequestRecord> findByConnection(String connectionId) {
    return indexReads.findByConnection(connectionId);
  }

  /**
   * Requests the sweeper must act on at {@code now}, at most {@code limit}: PENDING ones whose {@code retryAfter} has
   * passed or that were dispatched to a worker at least {@code dispatchTimeout} ago without being claimed, PENDING
   * ones without {@code retryAfter} older than {@code stalePendingAfter} (their stream record was lost), and
   * PROCESSING ones whose lease expired. Read through the {@code status-time} index.
   */
  public List<SweepCandidate> dueForSweep(Instant now, Duration stalePendingAfter, Duration dispatchTimeout,
      int limit) {
    return indexReads.dueForSweep(now, stalePendingAfter, dispatchTimeout, limit);
  }

  /**
   * Touches a PENDING request that is due so that the stream emits a MODIFY record and the processor picks it up
   * again. Empty when it is no longer PENDING or not due.
   */
  public Optional<RequestRecord> redrive(String requestId) {
    Instant now = clock.instant();
    ItemUpdate update = duePending(now).set(REDRIVE_AT, millis(now));
    return conditionalUpdate(requestId, update);
  }

  /**
   * Takes back a PROCESSING request whose lease expired (its worker crashed or timed out): CANCELLED when the caller
   * asked to cancel, else PENDING and due at once when retries are left ({@code retryCount} + 1), else FAILED with
   * TIMEOUT. Guarded by the attempt and the lease, so a live worker or another sweeper is never overridden.
   */
  public Optional<RequestRecord> expireLease(SweepCandidate candidate) {
    Instant now = clock.instant();
    ItemUpdate update = ownedBy(candidate.attempts())
        .value("now", millis(now))
        .condition("#leaseExpiresAt <= :now")
        .remove(LEASE_EXPIRES_AT);
    if (candidate.cancelRequested()) {
      update.set(STATUS, s(RequestStatus.CANCELLED.name()))
          .set(ERROR_CODE, s(ErrorCode.CANCELLED.name()))
          .set(ERROR_MESSAGE, s(CANCELLED_MESSAGE))
          .set(ENDED, millis(now));
    } else if (candidate.retryCount() < candidate.maxRetries()) {
      update.set(STATUS, s(RequestStatus.PENDING.name()))
          .set(RETRY_AFTER, millis(now))
          .set(REDRIVE_AT, millis(now))
          .setExpression("#retryCount = #retryCount + :one")
          .value("one", ONE)
          .set(ERROR_CODE, s(ErrorCode.TIMEOUT.name()))
          .set(ERROR_MESSAGE, s(TIMEOUT_MESSAGE));
    } else {
      update.set(STATUS, s(RequestStatus.FAILED.name()))
          .set(ERROR_CODE, s(ErrorCode.TIMEOUT.name()))
          .set(ERROR_MESSAGE, s(TIMEOUT_MESSAGE))
          .set(ENDED, millis(now));
    }
    return conditionalUpdate(candidate.requestId(), update);
  }

  private Optional<RequestRecord> conditionalUpdate(String requestId, ItemUpdate update) {
    return items.conditionalUpdate(requestId, update);
  }

  private RequestRecord updateOrThrow(String requestId, ItemUpdate update) {
    return items.updateOrThrow(requestId, update);
  }
}
