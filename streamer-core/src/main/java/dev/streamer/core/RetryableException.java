package dev.streamer.core;

import dev.streamer.core.protocol.ErrorCode;
import java.time.Duration;
import java.util.Map;

/**
 * A transient failure: an async request goes back to the queue and is retried with exponential backoff and jitter,
 * up to its maximum retries. A synchronous request answers with this error and its retry information.
 */
public class RetryableException extends StreamerException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

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
    super(code, message, Map.of(), cause);
    this.retryAfter = retryAfter;
  }

  /** Lower bound for the delay before the next attempt, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
