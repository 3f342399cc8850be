package dev.streamer.core.protocol;

import java.time.Instant;

/**
 * Retry semantics of an error.
 *
 * @param retryable whether retrying the same request may succeed
 * @param after     earliest time to retry, or null
 * @param maxTries  attempts allowed in all, or 0 when unknown
 * @param attempt   attempts made so far, or 0 when unknown
 */
public record RetryInfo(boolean retryable, Instant after, int maxTries, int attempt) {}
