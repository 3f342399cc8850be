package dev.streamer.core;

import dev.streamer.core.protocol.ErrorCode;
import java.util.Map;

/**
 * An error an action raises on purpose. Its code, message and details are sent to the client as they are, so the
 * message must be fit for the client to read. Any other exception reaches the client only as a generic
 * {@code INTERNAL_ERROR}.
 */
public class StreamerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient Map<String, Object> details;

  public StreamerException(ErrorCode code, String message) {
    this(code, message, Map.of(), null);
  }

  public StreamerException(ErrorCode code, String message, Map<String, Object> details, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.details = details == null ? Map.of() : Map.copyOf(details);
  }

  public ErrorCode code() {
    return code;
  }

  public Map<String, Object> details() {
    return details;
  }
}
