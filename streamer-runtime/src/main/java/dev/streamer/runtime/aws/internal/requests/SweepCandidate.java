package dev.streamer.runtime.aws.internal.requests;

import dev.streamer.core.protocol.RequestStatus;
import java.time.Instant;

/**
 * A request the sweeper may have to act on, as projected into the {@code status-time} index.
 *
 * @param requestId       request id
 * @param status          PENDING or PROCESSING
 * @param createdAt       when it was accepted
 * @param retryAfter      PENDING: not before this time, or null
 * @param leaseExpiresAt  PROCESSING: when the lease ran or runs out
 * @param attempts        claims so far (guards the update)
 * @param retryCount      retries scheduled so far
 * @param maxRetries      retries allowed
 * @param cancelRequested the caller asked to cancel
 */
public record SweepCandidate(
    String requestId,
    RequestStatus status,
    Instant createdAt,
    Instant retryAfter,
    Instant leaseExpiresAt,
    int attempts,
    int retryCount,
    int maxRetries,
    boolean cancelRequested) {}
