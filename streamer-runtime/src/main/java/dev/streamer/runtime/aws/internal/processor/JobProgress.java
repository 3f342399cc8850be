package dev.streamer.runtime.aws.internal.processor;

import dev.streamer.core.Progress;

/**
 * The {@link Progress} of one claimed attempt. {@link #close()} sends what is still pending and stops further
 * sends, so that the final message the processor sends next is always the last one the client receives.
 */
public interface JobProgress extends Progress, AutoCloseable {

  /** Flushes pending progress, synchronously, and drops every later report. Idempotent. */
  @Override
  void close();

  /**
   * Closes like {@link #close()} but leaves the last pending report unwritten, for the completion write to carry
   * (one write instead of two); the caller sends it with {@link Held#send} before the result. Null when nothing was
   * pending.
   */
  default Held closeForCompletion() {
    close();
    return null;
  }

  /** A report held back by {@link #closeForCompletion()}. */
  interface Held {
    /** The report's message, to store with the completion (nullable). */
    String message();

    /** Sends the progress message to {@code connectionId} (nullable: nothing is sent). */
    void send(String connectionId);
  }
}
