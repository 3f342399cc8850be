package dev.streamer.runtime.aws.processor;

import dev.streamer.core.Progress;

/**
 * The {@link Progress} of one claimed attempt. {@link #close()} sends what is still pending and stops further
 * sends, so that the final message the processor sends next is always the last one the client receives.
 */
public interface JobProgress extends Progress, AutoCloseable {

  /** Flushes pending progress, synchronously, and drops every later report. Idempotent. */
  @Override
  void close();
}
