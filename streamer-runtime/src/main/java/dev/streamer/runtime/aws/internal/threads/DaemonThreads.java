package dev.streamer.runtime.aws.internal.threads;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads named {@code <prefix>-1}, {@code <prefix>-2}, …: a pool of them never keeps a JVM (a local stack,
 * a test, a Lambda environment being shut down) alive, and a thread dump says which pool a thread belongs to. A named
 * class rather than a lambda, which a cold start would spin.
 */
public final class DaemonThreads implements ThreadFactory {

  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  private DaemonThreads(String prefix) {
    this.prefix = prefix;
  }

  /** A factory of daemon threads named {@code prefix-<n>}, n from 1. */
  public static ThreadFactory named(String prefix) {
    return new DaemonThreads(prefix);
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
