package dev.streamer.runtime.aws.requests;

/**
 * Outcome of {@link DynamoRequestStore#cancel}.
 *
 * @param outcome what happened
 * @param record  the request after the attempt, or null when it does not exist
 */
public record CancelResult(Outcome outcome, RequestRecord record) {

  public enum Outcome {
    /** It was PENDING and is now CANCELLED: it will never run. */
    CANCELLED,
    /** It is PROCESSING: cancellation was requested and the running job sees it through its context/progress. */
    CANCEL_REQUESTED,
    /** It had already reached a terminal state; nothing changed. */
    ALREADY_FINISHED,
    /** There is no such request. */
    NOT_FOUND
  }
}
