package dev.streamer.core;

import dev.streamer.core.protocol.ErrorCode;
import java.util.Map;

/** A permanent failure: the request fails at once and is never retried. */
public class FatalException extends StreamerException {
  private static final long serialVersionUID = 1L;

  public FatalException(String message) {
    this(ErrorCode.INTERNAL_ERROR, message, Map.of(), null);
  }

  public FatalException(ErrorCode code, String message) {
    this(code, message, Map.of(), null);
  }

  public FatalException(ErrorCode code, String message, Map<String, Object> details, Throwable cause) {
    super(code, message, details, cause);
  }
}
