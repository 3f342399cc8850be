package dev.streamer.core;

/**
 * Reports progress of a running action to its caller.
 *
 * <p>Progress is a fraction from 0.0 to 1.0. Reports are batched: at most one message every 200 ms (configurable)
 * reaches the client, the latest value wins, and the final result always arrives after the last progress message.
 */
public interface Progress {

  /** Reports {@code fraction} (clamped to [0, 1]) with an optional human-readable message. */
  void report(double fraction, String message);

  default void report(double fraction) {
    report(fraction, null);
  }

  /** True once the caller cancelled the request; long-running actions should check it and stop early. */
  default boolean isCancelled() {
    return false;
  }

  /** A reporter that discards everything, for synchronous execution and tests. */
  static Progress none() {
    return NoProgress.INSTANCE;
  }
}

enum NoProgress implements Progress {
  INSTANCE;

  @Override
  public void report(double fraction, String message) {}
}
