package dev.streamer.runtime.aws.internal.auth;

import java.util.Objects;

/**
 * A refused token. {@link #getMessage()} explains the failure for the logs and may quote claims; it must never be
 * sent to the client, which gets 401 {@code UNAUTHORIZED} and nothing else.
 */
public final class AuthenticationException extends Exception {
  private static final long serialVersionUID = 1L;

  private final AuthFailure failure;

  public AuthenticationException(AuthFailure failure, String detail) {
    this(failure, detail, null);
  }

  public AuthenticationException(AuthFailure failure, String detail, Throwable cause) {
    super(failure + ": " + detail, cause);
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  public AuthFailure failure() {
    return failure;
  }
}
