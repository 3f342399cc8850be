package dev.streamer.core.protocol;

/**
 * What the built-in {@code cancel} did. Every outcome but {@link #NOT_FOUND} is the {@code outcome} of a {@code cancel}
 * reply; a request that does not exist (or is not the caller's) is answered with a {@code NOT_FOUND} error instead.
 */
public enum CancelOutcome {
  /** It was PENDING and is now CANCELLED: it will never run. */
  CANCELLED,
  /** It is PROCESSING: cancellation was requested and the running job sees it through its context/progress. */
  CANCEL_REQUESTED,
  /** It had already reached a terminal state; nothing changed. */
  ALREADY_FINISHED,
  /** There is no such request. */
  NOT_FOUND;

  /** True for the outcomes that a {@code cancel} reply carries (all but {@link #NOT_FOUND}). */
  public boolean isReplied() {
    return this != NOT_FOUND;
  }
}
