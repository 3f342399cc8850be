package dev.streamer.core;

import dev.streamer.core.protocol.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A transient failure: an async request goes back to the queue and is retried with exponential backoff and jitter,
 * up to its maximum retries. A synchronous request answers with this error and its retry information.
 */
public class RetryableException extends StreamerException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;
  private final Instant retryAt;

  public RetryableException(String message) {
    this(message, null, null);
  }

  public RetryableException(String message, Throwable cause) {
    this(message, null, cause);
  }

  /** {@code retryAfter} is a lower bound for the next attempt, or null to use the backoff schedule alone. */
  public RetryableException(String message, Duration retryAfter, Throwable cause) {
    this(ErrorCode.SERVICE_UNAVAILABLE, message, retryAfter, cause);
  }

  public RetryableException(ErrorCode code, String message, Duration retryAfter, Throwable cause) {
    this(code, message, Map.of(), retryAfter, null, cause);
  }

  /**
   * With {@code details} for the client and, when the earliest retry is a known instant (the end of a rate-limit
   * window), {@code retryAt}: then the client's {@code retry.after} is exactly it.
   */
  public RetryableException(ErrorCode code, String message, Map<String, Object> details, Duration retryAfter,
      Instant retryAt, Throwable cause) {
    super(code, message, details, cause);
    this.retryAfter = retryAfter;
    this.retryAt = retryAt;
  }

  /** Lower bound for the delay before the next attempt, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** The earliest retry as an instant, when known (it wins over {@link #retryAfter()} on the wire), or null. */
  public Instant retryAt() {
    return retryAt;
  }
}
