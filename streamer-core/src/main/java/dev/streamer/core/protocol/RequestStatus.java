package dev.streamer.core.protocol;

/** Lifecycle of a queued request (the {@code status} attribute and the built-in {@code status} reply). PENDING ⇄ PROCESSING → one of the three terminal states. */
public enum RequestStatus {
  PENDING,
  PROCESSING,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** True for COMPLETED, FAILED and CANCELLED: nothing changes the request's outcome any more. */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
