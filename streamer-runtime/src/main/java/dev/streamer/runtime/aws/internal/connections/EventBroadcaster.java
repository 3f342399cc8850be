package dev.streamer.runtime.aws.internal.connections;

import dev.streamer.core.Delivery;
import dev.streamer.core.event.EventSink;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogFields;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import dev.streamer.runtime.aws.internal.threads.DaemonThreads;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers server events through the {@link ConnectionManager}, always within one tenant (the {@link EventSink} of
 * the {@code Notifier}s):
 *
 * <ul>
 *   <li>user and tenant sends page through the {@code user-connections} / {@code tenant-connections} indexes
 *       ({@link ConnectionStore#userPages}, {@link ConnectionStore#tenantPages}); a user's connections in another
 *       tenant are skipped, a connection id of another tenant reaches nobody;</li>
 *   <li>at most {@code concurrency} sends are in flight (default {@value #DEFAULT_CONCURRENCY}: the threads of the
 *       broadcaster's pool, shared by concurrent broadcasts); a page's sends are queued as soon as it is read, so the
 *       next page is read while the previous one is being sent;</li>
 *   <li>each send has the manager's semantics: 410 deletes the connection's record and counts as gone, 429/5xx are
 *       retried with full-jitter backoff and count as failed when the attempts run out, so does a refused call;
 *       nothing about one connection is thrown;</li>
 *   <li>each send emits one EMF line ({@code EventsSent}, {@code EventsGone}, {@code EventsFailed}).</li>
 * </ul>
 *
 * <p>Thread-safe. The sending threads are daemons, created on first use.
 */
public final class EventBroadcaster implements EventSink, AutoCloseable {

  /** Sends in flight at once, per broadcaster. */
  public static final int DEFAULT_CONCURRENCY = 32;

  private final ConnectionStore store;
  private final ConnectionManager manager;
  private final JsonLog log;
  private final Metrics metrics;
  private final int concurrency;
  private final ExecutorService senders;

  public EventBroadcaster(ConnectionStore store, ConnectionManager manager, JsonLog log, Metrics metrics,
      int concurrency) {
    this.store = Objects.requireNonNull(store, "store");
    this.manager = Objects.requireNonNull(manager, "manager");
    this.log = Objects.requireNonNull(log, "log");
    this.metrics = metrics;
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
    }
    this.concurrency = concurrency;
    this.senders = Executors.newFixedThreadPool(concurrency, DaemonThreads.named("streamer-event"));
  }

  public EventBroadcaster(ConnectionStore store, ConnectionManager manager, JsonLog log, Metrics metrics) {
    this(store, manager, log, metrics, DEFAULT_CONCURRENCY);
  }

  @Override
  public Delivery toUser(String tenantId, String userId, String event, String message) {
    Batch batch = new Batch(event, message);
    for (List<ConnectionRecord> page : store.userPages(userId)) {
      for (ConnectionRecord connection : page) {
        if (tenantId.equals(connection.tenantId())) {
          batch.send(connection);
        }
      }
    }
    return batch.finish("user");
  }

  @Override
  public Delivery toTenant(String tenantId, String event, String message) {
    Batch batch = new Batch(event, message);
    for (List<ConnectionRecord> page : store.tenantPages(tenantId)) {
      for (ConnectionRecord connection : page) {
        batch.send(connection);
      }
    }
    return batch.finish("tenant");
  }

  @Override
  public Delivery toConnection(String tenantId, String connectionId, String event, String message) {
    Optional<ConnectionRecord> connection = store.get(connectionId);
    if (connection.isEmpty() || !tenantId.equals(connection.get().tenantId())) {
      return Delivery.NONE; // another tenant's connection looks exactly like an absent one
    }
    Delivery delivery = sendOne(connection.get(), message, event);
    record(event, "connection", delivery);
    return delivery;
  }

  /** Stops the sending threads; sends in progress finish. */
  @Override
  public void close() {
    senders.shutdown();
  }

  private Delivery sendOne(ConnectionRecord connection, String message, String event) {
    try {
      return manager.send(connection, message) ? new Delivery(1, 0, 0) : new Delivery(0, 1, 0);
    } catch (DeliveryFailedException | DeliveryRejectedException e) {
      log.warn("event not delivered to a connection", LogFields.empty().connectionId(connection.connectionId())
          .tenantId(connection.tenantId()).with("event", event), e);
      return new Delivery(0, 0, 1);
    } catch (RuntimeException e) { // a store or SDK fault on one connection must not stop the others
      log.error("event send failed", LogFields.empty().connectionId(connection.connectionId())
          .with("event", event), e);
      return new Delivery(0, 0, 1);
    }
  }

  private void record(String event, String scope, Delivery delivery) {
    if (metrics != null) {
      metrics.eventSent(event, scope, delivery.delivered(), delivery.gone(), delivery.failed());
    }
  }

  /**
   * The sends of one event, counted as they end. Sends go to the shared pool as soon as their page is read (the pool's
   * {@code concurrency} threads bound what is in flight), so the next page is read while this one is being sent.
   */
  private final class Batch {
    private final String event;
    private final String message;
    private final AtomicInteger pending = new AtomicInteger(1); // 1: the reader, until finish()
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger gone = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    Batch(String event, String message) {
      this.event = event;
      this.message = message;
    }

    void send(ConnectionRecord connection) {
      pending.incrementAndGet();
      try {
        senders.execute(() -> {
          try {
            count(sendOne(connection, message, event));
          } finally {
            end();
          }
        });
      } catch (RejectedExecutionException closed) {
        failed.incrementAndGet();
        end();
      }
    }

    private void end() {
      if (pending.decrementAndGet() == 0) {
        done.countDown();
      }
    }

    private void count(Delivery one) {
      delivered.addAndGet(one.delivered());
      gone.addAndGet(one.gone());
      failed.addAndGet(one.failed());
    }

    /** Waits for every send of this batch, then records and returns the counts. */
    Delivery finish(String scope) {
      end();
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the sends are under way: wait for their outcome, then restore the flag
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      Delivery delivery = new Delivery(delivered.get(), gone.get(), failed.get());
      record(event, scope, delivery);
      return delivery;
    }
  }
}
