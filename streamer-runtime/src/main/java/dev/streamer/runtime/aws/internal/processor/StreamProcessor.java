package dev.streamer.runtime.aws.internal.processor;

import dev.streamer.core.Notifier;
import dev.streamer.core.routing.Caller;
import java.util.function.Function;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.streamer.runtime.aws.internal.connections.MessageSender;
import dev.streamer.runtime.aws.internal.limits.TenantConcurrency;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogFields;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.internal.requests.RequestItemCodec;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import dev.streamer.runtime.aws.internal.requests.RequestStoreException;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteExecutor;
import dev.streamer.runtime.aws.tables.StreamerTables;
import java.util.Map;
import dev.streamer.core.routing.RouteTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Consumes the requests table's stream and runs queued requests.
 *
 * <p>Records are examined in order: only INSERT and MODIFY records whose new image is PENDING and due are acted on;
 * each such request is claimed ({@link #claimToRun}, a conditional PENDING → PROCESSING update) on its own job
 * thread, so a record delivered twice, or a MODIFY that the claim itself caused, runs nothing. A PENDING request whose {@code retryAfter} lies in
 * the future is left for the {@link Sweeper}, which touches it once due so that a new MODIFY record arrives.
 *
 * <p>Claimed jobs run concurrently, at most {@link ProcessorSettings#concurrency()} at once (a record waits for a
 * free slot before it is claimed, so no lease runs out while a job waits), each with its own deadline and
 * cancellation; the batch returns when all have finished. A batch of ten one-second jobs therefore takes about one
 * second, not ten, at the cost of the memory and CPU of ten jobs in one function.
 *
 * <p>A due request of an isolated action ({@code Route.isolated()}) is not claimed here: it is marked dispatched and
 * handed to the worker function ({@link #workers}), which claims and runs it ({@link #runDispatched}); a refused
 * invocation is a batch item failure. The MODIFY record of the mark itself dispatches nothing.
 *
 * <p>Batch item failures are reported only for infrastructure faults: DynamoDB unavailable (while claiming, or
 * while recording a job's outcome), or a due request met with no more than twice the timeout buffer left in the
 * invocation (it is left PENDING rather than claimed and failed with an immediate TIMEOUT; no later record is
 * started). Every record left unprocessed by a fault is reported, and Lambda redelivers from the lowest. A
 * job's own failure is recorded on its request and is never a batch failure; any other unexpected error skips the
 * record (redelivering it would block the shard), and the sweeper recovers its request.
 */
public final class StreamProcessor {

  private final DynamoRequestStore store;
  private final RouteTable routes;
  private final JobRunner runner;
  private final ProcessorSettings settings;
  private final JsonLog log;
  private final Clock clock;
  /** Threads that each see one claimed job through (the job itself runs on the workers). */
  private final ExecutorService jobThreads = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "streamer-batch-job");
    thread.setDaemon(true);
    return thread;
  });

  /** Runs the lease heartbeats of all running jobs (each beat is one short conditional write). */
  private final ScheduledExecutorService leaseTimer = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "streamer-lease");
    thread.setDaemon(true);
    return thread;
  });
  private final Metrics metrics;
  private Supplier<Optional<TenantConcurrency>> concurrency = Optional::empty;
  private Supplier<Optional<WorkerInvoker>> workerInvoker = Optional::empty;

  public StreamProcessor(DynamoRequestStore store, RouteTable routes, RouteExecutor executor,
      JobProgressFactory progress, MessageSender replies, ProcessorSettings settings, JsonLog log, Metrics metrics,
      ExecutorService workers) {
    this(store, routes, executor, progress, replies, settings, log, metrics, workers, null);
  }

  /** As above; jobs get their caller's {@link Notifier} from {@code notifiers} (null: {@link Notifier#unavailable()}). */
  public StreamProcessor(DynamoRequestStore store, RouteTable routes, RouteExecutor executor,
      JobProgressFactory progress, MessageSender replies, ProcessorSettings settings, JsonLog log, Metrics metrics,
      ExecutorService workers, Function<Caller, Notifier> notifiers) {
    this.store = store;
    this.routes = routes;
    this.settings = settings;
    this.log = log;
    this.clock = store.clock();
    this.metrics = metrics;
    this.runner = new JobRunner(store, routes, executor, progress, replies, settings, log, metrics, workers,
        notifiers == null ? caller -> Notifier.unavailable() : notifiers, leaseTimer);
  }

  /** A record whose job runs, and its sequence number. */
  private record Started(String sequenceNumber, Future<?> job) {}

  /**
   * Defers due jobs over their tenant's running cap ({@code MAX_RUNNING_PER_TENANT}) instead of claiming them; the
   * supplier is asked on each claim (memoize it). Call before use.
   */
  public StreamProcessor concurrency(Supplier<Optional<TenantConcurrency>> gate) {
    this.concurrency = java.util.Objects.requireNonNull(gate, "gate");
    return this;
  }

  /**
   * Hands the requests of isolated actions to the worker function through {@code invoker} (asked on each dispatch;
   * memoize it) instead of running them here. Empty, or never called: they run here like any other (a stack
   * without a worker function).
   */
  public StreamProcessor workers(Supplier<Optional<WorkerInvoker>> invoker) {
    this.workerInvoker = java.util.Objects.requireNonNull(invoker, "invoker");
    return this;
  }

  /**
   * Processes one batch. {@code remainingMillis} is the invocation's remaining time (Lambda's
   * {@code Context.getRemainingTimeInMillis()}), read before each claim.
   */
  public StreamsEventResponse process(DynamodbEvent event, LongSupplier remainingMillis) {
    List<String> failed = new ArrayList<>(1);
    List<Started> started = new ArrayList<>();
    Semaphore slots = new Semaphore(settings.concurrency());
    List<DynamodbEvent.DynamodbStreamRecord> records = event == null || event.getRecords() == null
        ? List.of() : event.getRecords();
    for (DynamodbEvent.DynamodbStreamRecord record : records) {
      String sequenceNumber = record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
      try {
        slots.acquire();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        failed.add(sequenceNumber); // torn down: whatever is not claimed yet is redelivered
        break;
      }
      boolean slotTaken = false;
      try {
        Optional<RequestRecord> due = dueRequest(record);
        Optional<WorkerInvoker> worker = due.isPresent() && isolated(due.get())
            ? workerInvoker.get() : Optional.empty();
        if (worker.isPresent()) {
          if (!dispatch(due.get(), worker.get())) {
            failed.add(sequenceNumber); // Lambda redelivers it (and what follows): the dispatch is tried again
          }
        } else if (due.isPresent()) {
          Duration remaining = Duration.ofMillis(Math.max(0, remainingMillis.getAsLong()));
          if (remaining.compareTo(settings.timeoutBuffer().multipliedBy(2)) <= 0) {
            // claiming now would end in an immediate TIMEOUT, a final failure the job did not cause
            log.warn("too little time left to start a request; batch stopped for redelivery",
                LogFields.empty().with("sequenceNumber", sequenceNumber));
            failed.add(sequenceNumber);
            break;
          }
          Instant invocationEnd = clock.instant().plus(remaining);
          RequestRecord image = due.get();
          started.add(new Started(sequenceNumber, jobThreads.submit(() -> {
            try {
              claimAndRun(image, invocationEnd, -1);
            } finally {
              slots.release();
            }
          })));
          slotTaken = true;
        }
      } catch (RuntimeException unexpected) {
        // Redelivery would fail the same way and block the shard; an unclaimed request is re-driven as stale.
        log.error("stream record skipped after an unexpected error",
            LogFields.empty().with("sequenceNumber", sequenceNumber), unexpected);
      } finally {
        if (!slotTaken) {
          slots.release();
        }
      }
    }
    for (Started job : started) {
      awaitJob(job, failed);
    }
    return new StreamsEventResponse(failed.stream()
        .map(StreamsEventResponse.BatchItemFailure::new).toList());
  }

  private void awaitJob(Started job, List<String> failed) {
    try {
      job.job().get();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      failed.add(job.sequenceNumber());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RequestStoreException unavailable) {
        log.error("requests table unavailable; record reported for redelivery",
            LogFields.empty().with("sequenceNumber", job.sequenceNumber()), unavailable);
        failed.add(job.sequenceNumber());
      } else {
        log.error("stream record skipped after an unexpected error",
            LogFields.empty().with("sequenceNumber", job.sequenceNumber()), e.getCause());
      }
    }
  }

  /** The request a record asks to run now: an INSERT or MODIFY whose new image is PENDING and due. */
  private Optional<RequestRecord> dueRequest(DynamodbEvent.DynamodbStreamRecord record) {
    String eventName = record.getEventName();
    if (!"INSERT".equals(eventName) && !"MODIFY".equals(eventName) || record.getDynamodb() == null
        || record.getDynamodb().getNewImage() == null || isDispatchMark(record)) {
      return Optional.empty();
    }
    RequestRecord image;
    try {
      image = RequestItemCodec.fromItem(StreamImages.toSdk(record.getDynamodb().getNewImage()));
    } catch (IllegalArgumentException malformed) {
      // not a request written by Streamer: redelivering it would never help
      log.error("skipping malformed requests-table record",
          LogFields.empty().with("sequenceNumber", record.getDynamodb().getSequenceNumber()), malformed);
      return Optional.empty();
    }
    return image.isDue(clock.instant()) ? Optional.of(image) : Optional.empty();
  }

  private boolean isolated(RequestRecord image) {
    Route<?, ?> route = routes.find(image.action());
    return route != null && route.isolated();
  }

  /**
   * The MODIFY written by {@link #dispatch} itself (its {@code dispatchedAt} changed): not a request to run again,
   * else every dispatch would cause another.
   */
  private static boolean isDispatchMark(DynamodbEvent.DynamodbStreamRecord record) {
    if (!"MODIFY".equals(record.getEventName())) {
      return false;
    }
    String after = number(record.getDynamodb().getNewImage(), StreamerTables.DISPATCHED_AT);
    String before = number(record.getDynamodb().getOldImage(), StreamerTables.DISPATCHED_AT);
    return after != null && !after.equals(before);
  }

  private static String number(Map<String, AttributeValue> image, String attribute) {
    AttributeValue value = image == null ? null : image.get(attribute);
    return value == null ? null : value.getN();
  }

  /**
   * Marks the request dispatched (a conditional write: nothing happens when it is no longer PENDING at this
   * attempt) and invokes the worker, which returns at once. False when the record must be redelivered: DynamoDB
   * unavailable, or the invocation was not accepted (throttled, service fault).
   */
  private boolean dispatch(RequestRecord image, WorkerInvoker invoker) {
    JsonLog jobLog = log.withContext(JobRunner.fieldsOf(image));
    try {
      if (store.markDispatched(image.requestId(), image.attempts()).isEmpty()) {
        jobLog.debug("not dispatched: already taken, finished, or not due", LogFields.empty());
        return true;
      }
      invoker.invoke(new WorkerJob(image.requestId(), image.attempts()));
      jobLog.debug("dispatched to a worker", LogFields.empty().with("attempt", image.attempts()));
      return true;
    } catch (RequestStoreException | WorkerInvoker.WorkerInvocationException e) {
      jobLog.warn("not dispatched to a worker; record reported for redelivery", LogFields.empty(), e);
      return false;
    }
  }

  /**
   * In the worker function: claims the dispatched request of {@code job} (only while it is PENDING, due and still
   * at {@code job.attempt()}, so a duplicate or late invocation runs nothing) and runs it to its recorded outcome
   * within this invocation's {@code remainingMillis}, with the tenant's running cap applied as in the processor.
   * Returns whether this invocation ran it. Throws {@link RequestStoreException} when DynamoDB is unavailable (the
   * sweeper re-drives the request).
   */
  public boolean runDispatched(WorkerJob job, LongSupplier remainingMillis) {
    Optional<RequestRecord> current = store.get(job.requestId());
    Instant now = clock.instant();
    if (current.isEmpty() || current.get().attempts() != job.attempt() || !current.get().isDue(now)) {
      log.debug("worker: nothing to run (already taken, finished, or not due)",
          LogFields.empty().requestId(job.requestId()).with("attempt", job.attempt()));
      return false;
    }
    Instant invocationEnd = now.plusMillis(Math.max(0, remainingMillis.getAsLong()));
    return claimAndRun(current.get(), invocationEnd, job.attempt());
  }

  /**
   * On a job thread: when the tenant has a free place (or no cap applies), claims the request and, when this worker
   * won it, runs it to its recorded outcome, then frees the place, whatever the outcome (completed, failed, retried,
   * cancelled, timed out). Over the cap the request is left PENDING, untouched: a release wakes it in its turn.
   */
  private boolean claimAndRun(RequestRecord image, Instant invocationEnd, int expectedAttempts) {
    TenantConcurrency gate = concurrency.get().orElse(null);
    if (gate != null) {
      // The place is held as the job's lease is: until its first expiry, then renewed by the lease's heartbeat, so
      // that a crashed worker's place frees itself when its lease runs out.
      Instant now = clock.instant();
      TenantConcurrency.Admission admission = gate.admit(image.requestId(), image.tenantId(), image.action(),
          image.createdAt(), now.plus(lease(now, invocationEnd, settings.leaseDuration())));
      if (admission instanceof TenantConcurrency.Admission.Deferred deferred) {
        metrics.jobDeferred(image.action(), image.requestId(), image.tenantId());
        log.debug("deferred: the tenant runs its maximum of jobs", JobRunner.fieldsOf(image)
            .with("position", deferred.position()).with("running", deferred.running()));
        return false;
      }
      if (admission instanceof TenantConcurrency.Admission.AlreadyRunning) {
        log.debug("not claimed: it runs already", JobRunner.fieldsOf(image));
        return false;
      }
    }
    try {
      Optional<RequestRecord> claimed = claimToRun(image, invocationEnd, expectedAttempts);
      if (claimed.isEmpty()) {
        log.debug("not claimed: already taken, finished, or not due", JobRunner.fieldsOf(image));
        return false;
      }
      runner.run(claimed.get(), invocationEnd.minus(settings.timeoutBuffer()), invocationEnd, gate == null ? null
          : until -> gate.renew(image.requestId(), image.tenantId(), image.action(), until));
      return true;
    } finally {
      if (gate != null) {
        gate.release(image.requestId(), image.tenantId(), image.action());
      }
    }
  }

  /**
   * The one place this processor claims a request: a conditional PENDING → PROCESSING update taking a lease of
   * {@link ProcessorSettings#leaseDuration()}, never past {@code invocationEnd}. Empty when it is not PENDING, not
   * due, or another worker won.
   */
  private Optional<RequestRecord> claimToRun(RequestRecord pending, Instant invocationEnd, int expectedAttempts) {
    return store.claim(pending.requestId(), lease(clock.instant(), invocationEnd, settings.leaseDuration()),
        expectedAttempts);
  }

  /** A lease from {@code now}: {@code duration}, cut at {@code invocationEnd}. */
  static Duration lease(Instant now, Instant invocationEnd, Duration duration) {
    Duration left = Duration.between(now, invocationEnd);
    return left.compareTo(duration) < 0 ? (left.isNegative() ? Duration.ZERO : left) : duration;
  }
}
