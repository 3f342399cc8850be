package dev.streamer.runtime.aws;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls a read until it satisfies a condition, for reads that are eventually consistent by contract (DynamoDB global
 * secondary indexes). The timeout is generous because the build machine may be busy; a condition that never holds
 * still fails, with the last value seen.
 */
public final class Eventually {

  public static final Duration TIMEOUT = Duration.ofSeconds(20);

  private Eventually() {}

  public static <T> T await(Supplier<T> read, Predicate<T> condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    T value = read.get();
    while (!condition.test(value)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + TIMEOUT + "; last value: " + value);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      value = read.get();
    }
    return value;
  }
}
