package dev.streamer.runtime.aws.internal.connections;

import dev.streamer.core.RetryableException;
import dev.streamer.core.protocol.ErrorCode;
import java.time.Duration;

/**
 * A message could not be delivered because API Gateway kept throttling (429), failing (5xx) or was unreachable for
 * all configured attempts. Retryable: the caller may try again later. The message names no internals.
 */
public final class DeliveryFailedException extends RetryableException {
  private static final long serialVersionUID = 1L;

  private final String connectionId;
  private final int attempts;
  private final int lastStatus;

  public DeliveryFailedException(String connectionId, int attempts, int lastStatus, Throwable cause) {
    super(ErrorCode.SERVICE_UNAVAILABLE, "message not delivered after " + attempts + " attempts", (Duration) null,
        cause);
    this.connectionId = connectionId;
    this.attempts = attempts;
    this.lastStatus = lastStatus;
  }

  public String connectionId() {
    return connectionId;
  }

  public int attempts() {
    return attempts;
  }

  /** HTTP status of the last attempt, or 0 when it got no response (network error). */
  public int lastStatus() {
    return lastStatus;
  }
}
