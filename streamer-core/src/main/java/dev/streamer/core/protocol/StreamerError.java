package dev.streamer.core.protocol;

import java.util.Map;
import java.util.Objects;

/**
 * A typed error as the client sees it.
 *
 * @param code    stable error code
 * @param message client-safe message (never an internal exception message)
 * @param details structured details (for VALIDATION_ERROR: {@code violations}, a list of {path, constraint, message})
 * @param retry   retry information, or null
 */
public record StreamerError(ErrorCode code, String message, Map<String, Object> details, RetryInfo retry) {

  public StreamerError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    details = details == null ? Map.of() : details;
  }

  public static StreamerError of(ErrorCode code, String message) {
    return new StreamerError(code, message, Map.of(), null);
  }
}
