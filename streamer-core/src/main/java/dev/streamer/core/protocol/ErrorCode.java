package dev.streamer.core.protocol;

/** Error codes on the wire. Stable: clients switch on them. */
public enum ErrorCode {
  /** The message or its payload is malformed, of the wrong type, too large, too deep, or breaks a constraint. */
  VALIDATION_ERROR(false),
  /** No action of that name. */
  INVALID_ACTION(false),
  /** No such request, or it belongs to someone else (the two are indistinguishable on purpose). */
  NOT_FOUND(false),
  /** Missing, invalid or expired token. */
  UNAUTHORIZED(false),
  /** Authenticated, but not allowed. */
  FORBIDDEN(false),
  /** Too many requests; retry later. */
  RATE_LIMITED(true),
  /** The action ran out of time. */
  TIMEOUT(true),
  /** A fault on the server; details are in the server's logs, never in the message. */
  INTERNAL_ERROR(false),
  /** A dependency is down; retry later. */
  SERVICE_UNAVAILABLE(true),
  /** The caller cancelled the request. */
  CANCELLED(false);

  private final boolean retryable;

  ErrorCode(boolean retryable) {
    this.retryable = retryable;
  }

  /** Whether a client may retry the same request unchanged. */
  public boolean retryable() {
    return retryable;
  }
}
