package dev.streamer.runtime.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A deterministic {@link ScheduledExecutorService} on a {@link ManualClock}: tasks run only inside
 * {@link #runDue()} or {@link #advance(Duration)}, on the test's thread, in due-time order. Periodic scheduling is
 * not supported. A task that throws makes {@code runDue}/{@code advance} throw.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

  private final ManualClock clock;
  private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
  private long sequence;
  private boolean shutdown;
  private volatile boolean cancellationIgnored;

  public ManualScheduler(ManualClock clock) {
    this.clock = clock;
  }

  /** Runs every task due now, including tasks that become due while running. Returns how many ran. */
  public int runDue() {
    int ran = 0;
    Task<?> next;
    while ((next = pollDue(clock.instant())) != null) {
      runChecked(next);
      ran++;
    }
    return ran;
  }

  /** Moves the clock forward, running each task at its due time on the way. Returns how many ran. */
  public int advance(Duration duration) {
    Instant target = clock.instant().plus(duration);
    int ran = 0;
    Task<?> next;
    while ((next = pollDue(target)) != null) {
      if (next.due.isAfter(clock.instant())) {
        clock.set(next.due);
      }
      runChecked(next);
      ran++;
    }
    clock.set(target);
    return ran;
  }

  /** A task that throws fails the test at once instead of hiding in its future. */
  private static void runChecked(Task<?> task) {
    task.run();
    if (task.failure != null) {
      throw new AssertionError("scheduled task failed", task.failure);
    }
  }

  /**
   * Makes {@code cancel} fail from now on, as it does for a task that already started on a real thread: lets a
   * test run a task that its owner believed cancelled.
   */
  public void ignoreCancellation() {
    cancellationIgnored = true;
  }

  /** Tasks waiting, cancelled ones excluded. */
  public synchronized int pending() {
    return (int) queue.stream().filter(t -> !t.isCancelled()).count();
  }

  /** Due time of the next live task, or null. */
  public synchronized Instant nextDue() {
    return queue.stream().filter(t -> !t.isCancelled()).map(t -> t.due).min(Instant::compareTo).orElse(null);
  }

  private synchronized Task<?> pollDue(Instant limit) {
    while (!queue.isEmpty()) {
      Task<?> head = queue.peek();
      if (head.isCancelled()) {
        queue.poll();
        continue;
      }
      if (head.due.isAfter(limit)) {
        return null;
      }
      return queue.poll();
    }
    return null;
  }

  private synchronized <V> Task<V> add(Callable<V> callable, long delay, TimeUnit unit) {
    if (shutdown) {
      throw new RejectedExecutionException("shut down");
    }
    Task<V> task = new Task<>(callable, clock.instant().plusNanos(Math.max(0, unit.toNanos(delay))), sequence++);
    queue.add(task);
    return task;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return add(() -> {
      command.run();
      return null;
    }, delay, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return add(callable, delay, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.NANOSECONDS);
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> left = new ArrayList<>(queue);
    queue.clear();
    return left;
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown && queue.isEmpty();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated();
  }

  private final class Task<V> implements ScheduledFuture<V>, Runnable {
    private final Callable<V> callable;
    private final Instant due;
    private final long order;
    private volatile boolean cancelled;
    private volatile boolean done;
    private V value;
    private Throwable failure;

    Task(Callable<V> callable, Instant due, long order) {
      this.callable = callable;
      this.due = due;
      this.order = order;
    }

    @Override
    public void run() {
      if (cancelled) {
        return;
      }
      try {
        value = callable.call();
      } catch (Throwable t) {
        failure = t;
      } finally {
        done = true;
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(clock.instant(), due).toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      Task<?> that = (Task<?>) other;
      int byDue = due.compareTo(that.due);
      return byDue != 0 ? byDue : Long.compare(order, that.order);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      if (done || cancellationIgnored) {
        return false;
      }
      cancelled = true;
      return true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return done || cancelled;
    }

    @Override
    public V get() throws ExecutionException {
      if (!done) {
        throw new IllegalStateException("ManualScheduler tasks complete only inside runDue/advance");
      }
      if (failure != null) {
        throw new ExecutionException(failure);
      }
      return value;
    }

    @Override
    public V get(long timeout, TimeUnit unit) throws ExecutionException {
      return get();
    }
  }
}
