package dev.streamer.runtime.aws.internal.progress;

import dev.streamer.core.Progress;
import dev.streamer.runtime.aws.internal.connections.MessageSender;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogFields;
import dev.streamer.runtime.aws.internal.observability.LogLevel;
import dev.streamer.runtime.aws.internal.observability.LogSink;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import dev.streamer.core.protocol.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link Progress} of one running async request: throttled, coalescing, monotonic.
 *
 * <ul>
 *   <li>At most one flush per {@code interval}: the first report goes out at once (leading edge); reports inside the
 *       interval replace each other and the latest is flushed by the scheduler when the interval ends (trailing
 *       edge).</li>
 *   <li>A flush persists the value through the {@link ProgressSink} (so a reconnecting client can read it), learns
 *       the current connection and the cancellation flag from the answer, then sends
 *       {@code {"type":"progress",…}} to that connection.</li>
 *   <li>A report of 1.0 (done) is not sent on the leading edge: it waits one interval, so a job that returns within
 *       it has the report written with its completion ({@link #closeHolding()}: one write, not two); a job that
 *       keeps working after it still shows 1.0 an interval later.</li>
 *   <li>Progress never goes backwards: NaN and values below the highest reported are ignored; values are clamped to
 *       [0, 1]. A report identical to the last flushed one is not sent again. Messages are cut to
 *       {@value #MAX_MESSAGE_LENGTH} characters.</li>
 *   <li>{@link #close()} flushes what is pending on the calling thread and stops: after it returns nothing more is
 *       sent, so the result the processor sends next always arrives after the last progress message.</li>
 * </ul>
 *
 * <p>Reports never block on I/O and never throw: flushing runs on the shared scheduler, and a failure to persist or
 * send is logged (progress is best effort; the outcome is not). Thread-safe: an action may report from several
 * threads.
 */
public final class BatchedProgress implements Progress, AutoCloseable {

  /** The default interval in ms (a constant: reading it loads no class). */
  public static final long DEFAULT_INTERVAL_MILLIS = 200;
  public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(DEFAULT_INTERVAL_MILLIS);
  /** Longer progress messages are cut: they are shown to people, and each one is written to the request item. */
  public static final int MAX_MESSAGE_LENGTH = 1024;

  private final String requestId;
  private final String clientId;
  private final ProgressSink sink;
  private final MessageSender sender;
  private final Duration interval;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final JsonLog log;
  private final Metrics metrics;

  private final Object lock = new Object();
  /** Serializes flushes so messages leave in order and close() can wait for one in flight. */
  private final ReentrantLock flushLock = new ReentrantLock();

  // guarded by lock
  private double highest = Double.NEGATIVE_INFINITY;
  private Update pending;
  private Update lastFlushed;
  private Instant lastFlushStart;
  private ScheduledFuture<?> scheduled;
  private boolean flushQueued;
  /** While a 1.0 report is pending: no flush before this instant (null otherwise). */
  private Instant holdFinalUntil;
  private boolean closed;

  // written by flushes (under flushLock), read by anyone
  private volatile boolean cancelled;
  private volatile String connectionId;
  private volatile String goneConnectionId;
  private final AtomicLong sentCount = new AtomicLong(); // a flush and a final send may count at once

  /** A report: fraction in [0, 1] and message (nullable). */
  public record Update(double fraction, String message) {}

  BatchedProgress(String requestId, String clientId, ProgressSink sink, MessageSender sender, Duration interval,
      Clock clock, ScheduledExecutorService scheduler, JsonLog log, Metrics metrics) {
    this(requestId, clientId, sink, sender, interval, clock, scheduler, log, metrics, null);
  }

  /** As above; reports below {@code startingAt} (progress stored by an earlier attempt; nullable) are dropped. */
  BatchedProgress(String requestId, String clientId, ProgressSink sink, MessageSender sender, Duration interval,
      Clock clock, ScheduledExecutorService scheduler, JsonLog log, Metrics metrics, Double startingAt) {
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.clientId = clientId;
    this.sink = Objects.requireNonNull(sink, "sink");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.log = Objects.requireNonNull(log, "log");
    this.metrics = metrics;
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval must not be negative");
    }
    if (startingAt != null && !startingAt.isNaN()) {
      highest = Math.max(0.0, Math.min(1.0, startingAt));
    }
  }

  /**
   * A reporter for one request, logging to standard output and emitting no metrics; {@link ProgressReporters#open}
   * carries the shared parts, log and metrics included. {@code scheduler} must not run tasks on the calling thread
   * (no {@code ScheduledExecutorService} does).
   *
   * @param clientId the client's correlation id, echoed as {@code id} (nullable)
   */
  public static BatchedProgress start(String requestId, String clientId, ProgressSink sink, MessageSender sender,
      Duration interval, Clock clock, ScheduledExecutorService scheduler) {
    return new BatchedProgress(requestId, clientId, sink, sender, interval, clock, scheduler,
        new JsonLog(JsonLog.DEFAULT_SERVICE, LogLevel.INFO, LogSink.stdout(), clock), null);
  }

  @Override
  public void report(double fraction, String message) {
    if (Double.isNaN(fraction)) {
      return;
    }
    double clamped = Math.max(0.0, Math.min(1.0, fraction));
    Update update = new Update(clamped, truncate(message));
    synchronized (lock) {
      if (closed || clamped < highest) {
        return;
      }
      highest = clamped;
      pending = update.equals(lastFlushed) ? null : update;
      if (pending != null && clamped >= 1.0 && holdFinalUntil == null) {
        holdFinalUntil = clock.instant().plus(interval);
      }
      if (pending != null && !flushQueued) {
        scheduleFlushLocked();
      }
    }
  }

  /** Whether the request item said "cancel" at the last flush. */
  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  /** Flushes the pending value, if any, on this thread; afterwards nothing more is sent. Idempotent. */
  @Override
  public void close() {
    ScheduledFuture<?> toCancel;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      toCancel = scheduled;
      scheduled = null;
    }
    if (toCancel != null) {
      toCancel.cancel(false);
    }
    flushLock.lock();
    try {
      Update last;
      synchronized (lock) {
        last = pending;
        pending = null;
        if (last != null) {
          lastFlushed = last;
          lastFlushStart = clock.instant();
        }
      }
      if (last != null) {
        deliver(last);
      }
    } finally {
      flushLock.unlock();
    }
    if (metrics != null) {
      metrics.progressSent(requestId, sentCount.get());
    }
  }

  /**
   * Closes like {@link #close()}, but the pending report, if any, is neither persisted nor sent: it is returned for
   * the caller to store with the outcome and to {@link #send} before the outcome's message. Null when none.
   */
  public Update closeHolding() {
    ScheduledFuture<?> toCancel;
    synchronized (lock) {
      if (closed) {
        return null;
      }
      closed = true;
      toCancel = scheduled;
      scheduled = null;
    }
    if (toCancel != null) {
      toCancel.cancel(false);
    }
    flushLock.lock(); // waits for a flush in flight, so that nothing is sent after the held report
    try {
      synchronized (lock) {
        Update last = pending;
        pending = null;
        return last;
      }
    } finally {
      flushLock.unlock();
      if (metrics != null) {
        metrics.progressSent(requestId, sentCount.get());
      }
    }
  }

  /** Sends {@code update} (from {@link #closeHolding()}) to {@code connectionId}, without persisting it. */
  public void send(Update update, String connectionId) {
    if (update == null || connectionId == null || connectionId.equals(goneConnectionId)) {
      return;
    }
    try {
      if (sender.send(connectionId, Messages.progress(clientId, requestId, update.fraction(), update.message()))) {
        sentCount.incrementAndGet();
      }
    } catch (RuntimeException e) {
      log.warn("progress not sent", fields().connectionId(connectionId), e);
    }
  }

  /** Progress messages delivered so far. */
  public long sentCount() {
    return sentCount.get();
  }

  public String requestId() {
    return requestId;
  }

  private void scheduleFlushLocked() {
    long delayNanos = 0;
    Instant now = clock.instant();
    if (lastFlushStart != null) {
      delayNanos = Math.max(0, Duration.between(now, lastFlushStart.plus(interval)).toNanos());
    }
    if (holdFinalUntil != null) {
      delayNanos = Math.max(delayNanos, Duration.between(now, holdFinalUntil).toNanos());
    }
    try {
      scheduled = scheduler.schedule(this::flushFromScheduler, delayNanos, TimeUnit.NANOSECONDS);
      flushQueued = true;
    } catch (RejectedExecutionException e) {
      // Scheduler shut down: the value stays pending and close() delivers it.
      flushQueued = false;
    }
  }

  private void flushFromScheduler() {
    flushLock.lock();
    try {
      Update next;
      synchronized (lock) {
        scheduled = null;
        if (closed) {
          return; // close() owns the final flush
        }
        if (pending != null && holdFinalUntil != null && clock.instant().isBefore(holdFinalUntil)) {
          scheduleFlushLocked(); // a 1.0 reported since this flush was scheduled: it waits for its interval
          return;
        }
        next = pending;
        pending = null;
        if (next == null) {
          flushQueued = false;
          return;
        }
        lastFlushed = next;
        lastFlushStart = clock.instant();
      }
      deliver(next);
      synchronized (lock) {
        flushQueued = false;
        if (pending != null && !closed) {
          scheduleFlushLocked();
        }
      }
    } finally {
      flushLock.unlock();
    }
  }

  /** Persists, then sends to the connection the item names. Never throws. Called under flushLock. */
  private void deliver(Update update) {
    String target = connectionId;
    try {
      ProgressState state = sink.persist(requestId, update.fraction(), update.message());
      if (state != null) {
        cancelled = state.cancelRequested();
        target = state.connectionId();
        connectionId = target;
      }
    } catch (RuntimeException e) {
      // Still tell the last known connection; the next flush persists again.
      log.warn("progress not persisted", fields(), e);
    }
    if (target == null || target.equals(goneConnectionId)) {
      return;
    }
    try {
      String message = Messages.progress(clientId, requestId, update.fraction(), update.message());
      if (sender.send(target, message)) {
        sentCount.incrementAndGet();
      } else {
        goneConnectionId = target; // until a subscribe attaches another connection
      }
    } catch (RuntimeException e) {
      log.warn("progress not sent", fields().connectionId(target), e);
    }
  }

  private LogFields fields() {
    return LogFields.empty().requestId(requestId);
  }

  private static String truncate(String message) {
    if (message == null || message.length() <= MAX_MESSAGE_LENGTH) {
      return message;
    }
    int end = MAX_MESSAGE_LENGTH;
    if (Character.isHighSurrogate(message.charAt(end - 1))) {
      end--; // never split a surrogate pair
    }
    return message.substring(0, end);
  }
}
