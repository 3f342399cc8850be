package dev.streamer.runtime.aws.internal.requests;

import dev.streamer.core.protocol.RequestStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One item of the requests table.
 *
 * @param requestId       server-assigned id (table key)
 * @param status          lifecycle state
 * @param action          action name
 * @param payload         the payload as received, as JSON text
 * @param clientId        the client's message id, echoed on replies, or null
 * @param userId          owner, or null when the connection is unauthenticated
 * @param tenantId        owner's tenant, or null
 * @param connectionId    connection that receives progress and the result (changed by {@code subscribe})
 * @param traceId         X-Ray trace id from the router, or null
 * @param metadata        extra string attributes from the router
 * @param createdAt       when the router accepted the request
 * @param ttlEpochSeconds when DynamoDB may delete the item
 * @param retryCount      retries scheduled so far
 * @param maxRetries      retries allowed after the first attempt
 * @param retryAfter      not to be claimed before this time, or null
 * @param attempts        claims so far; the current attempt's number, which guards every later update
 * @param started         when the current (or last) attempt was claimed, or null
 * @param ended           when the request reached a terminal state, or null
 * @param leaseExpiresAt  when the current attempt's lease runs out, or null when not PROCESSING
 * @param progress        latest progress fraction, or null
 * @param progressMessage latest progress message, or null
 * @param result          result as JSON text once COMPLETED, else null
 * @param errorCode       error code once FAILED/CANCELLED, or of the last retried failure; else null
 * @param errorMessage    client-safe error message, or null
 * @param cancelRequested the caller asked to cancel while the request was running
 */
public record RequestRecord(
    String requestId,
    RequestStatus status,
    String action,
    String payload,
    String clientId,
    String userId,
    String tenantId,
    String connectionId,
    String traceId,
    Map<String, String> metadata,
    Instant createdAt,
    long ttlEpochSeconds,
    int retryCount,
    int maxRetries,
    Instant retryAfter,
    int attempts,
    Instant started,
    Instant ended,
    Instant leaseExpiresAt,
    Double progress,
    String progressMessage,
    String result,
    String errorCode,
    String errorMessage,
    boolean cancelRequested) {

  public RequestRecord {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(action, "action");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** PENDING and not held back by {@code retryAfter}: a worker may claim it at {@code now}. */
  public boolean isDue(Instant now) {
    return status == RequestStatus.PENDING && (retryAfter == null || !retryAfter.isAfter(now));
  }

  /** True when a failure of the current attempt may still be retried. */
  public boolean hasRetriesLeft() {
    return retryCount < maxRetries;
  }
}
