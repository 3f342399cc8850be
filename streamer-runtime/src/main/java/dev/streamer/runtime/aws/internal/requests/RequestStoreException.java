package dev.streamer.runtime.aws.internal.requests;

import dev.streamer.core.RetryableException;
import dev.streamer.core.protocol.ErrorCode;

/**
 * The requests table could not be read or written (DynamoDB unavailable, throttled, misconfigured). An
 * infrastructure fault, never a verdict on the request: callers retry, the stream processor reports a batch item
 * failure, and a client sees {@code SERVICE_UNAVAILABLE}. The message is client-safe; the cause has the details.
 */
public final class RequestStoreException extends RetryableException {
  private static final long serialVersionUID = 1L;

  public RequestStoreException(Throwable cause) {
    super(ErrorCode.SERVICE_UNAVAILABLE, "Request storage is unavailable", null, cause);
  }
}
