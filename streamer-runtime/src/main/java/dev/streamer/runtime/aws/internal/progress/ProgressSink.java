package dev.streamer.runtime.aws.internal.progress;

/**
 * Durable side of progress: writes the latest progress onto the request item, so a client that reconnects can read
 * it with {@code status}, and reads back where replies go and whether the request was cancelled.
 *
 * <p>The requests store implements it with one conditional {@code UpdateItem} (ReturnValues ALL_NEW), so one round
 * trip both persists and observes a re-attached connection or a cancellation. {@link BatchedProgress} calls it at
 * most once per interval, never concurrently for the same request.
 */
@FunctionalInterface
public interface ProgressSink {

  /**
   * Persists {@code fraction} (0..1, never lower than a previous call's) and {@code message} (nullable) for
   * {@code requestId}, and returns the item's current connection and cancellation flag.
   */
  ProgressState persist(String requestId, double fraction, String message);
}
