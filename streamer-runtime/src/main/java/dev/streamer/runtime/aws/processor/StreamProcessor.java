package dev.streamer.runtime.aws.processor;

import dev.streamer.core.Notifier;
import dev.streamer.core.routing.Caller;
import java.util.function.Function;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.streamer.runtime.aws.connections.MessageSender;
import dev.streamer.runtime.aws.limits.TenantConcurrency;
import dev.streamer.runtime.aws.observability.JsonLog;
import dev.streamer.runtime.aws.observability.LogFields;
import dev.streamer.runtime.aws.observability.Metrics;
import dev.streamer.runtime.aws.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.requests.RequestItemCodec;
import dev.streamer.runtime.aws.requests.RequestRecord;
import dev.streamer.runtime.aws.requests.RequestStoreException;
import dev.streamer.core.routing.RouteExecutor;
import dev.streamer.core.routing.RouteTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Consumes the requests table's stream and runs queued requests.
 *
 * <p>Per record, in order: only INSERT and MODIFY records whose new image is PENDING and due are acted on; the
 * request is claimed (a conditional PENDING → PROCESSING update), so a record delivered twice, or a MODIFY that
 * the claim itself caused, runs nothing. A PENDING request whose {@code retryAfter} lies in the future is left for
 * the {@link Sweeper}, which touches it once due so that a new MODIFY record arrives.
 *
 * <p>Batch item failures are reported only for infrastructure faults: DynamoDB unavailable, or a due request met
 * with no more than twice the timeout buffer left in the invocation (it is left PENDING rather than claimed and
 * failed with an immediate TIMEOUT). The first such record's sequence number is returned and later records are not
 * processed, since Lambda redelivers from the lowest failed sequence number anyway. A job's own failure is recorded
 * on its request and is never a batch failure; any other unexpected error skips the record (redelivering it would
 * block the shard), and the sweeper recovers its request.
 */
public final class StreamProcessor {

  private final DynamoRequestStore store;
  private final JobRunner runner;
  private final ProcessorSettings settings;
  private final JsonLog log;
  private final Clock clock;
  private final Metrics metrics;
  private Supplier<Optional<TenantConcurrency>> concurrency = Optional::empty;

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
    this.settings = settings;
    this.log = log;
    this.clock = store.clock();
    this.metrics = metrics;
    this.runner = new JobRunner(store, routes, executor, progress, replies, settings, log, metrics, workers,
        notifiers == null ? caller -> Notifier.unavailable() : notifiers);
  }

  /**
   * Defers due jobs over their tenant's running cap ({@code MAX_RUNNING_PER_TENANT}) instead of claiming them; the
   * supplier is asked on each claim (memoize it). Call before use.
   */
  public StreamProcessor concurrency(Supplier<Optional<TenantConcurrency>> gate) {
    this.concurrency = java.util.Objects.requireNonNull(gate, "gate");
    return this;
  }

  /**
   * Processes one batch. {@code remainingMillis} is the invocation's remaining time (Lambda's
   * {@code Context.getRemainingTimeInMillis()}), read before each claim.
   */
  public StreamsEventResponse process(DynamodbEvent event, LongSupplier remainingMillis) {
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>(1);
    List<DynamodbEvent.DynamodbStreamRecord> records = event == null || event.getRecords() == null
        ? List.of() : event.getRecords();
    for (DynamodbEvent.DynamodbStreamRecord record : records) {
      String sequenceNumber = record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
      try {
        if (!handle(record, remainingMillis)) {
          log.warn("too little time left to start a request; batch stopped for redelivery",
              LogFields.empty().with("sequenceNumber", sequenceNumber));
          failures.add(new StreamsEventResponse.BatchItemFailure(sequenceNumber));
          break;
        }
      } catch (RequestStoreException unavailable) {
        log.error("requests table unavailable; batch stopped for redelivery",
            LogFields.empty().with("sequenceNumber", sequenceNumber), unavailable);
        failures.add(new StreamsEventResponse.BatchItemFailure(sequenceNumber));
        break;
      } catch (RuntimeException unexpected) {
        // Redelivery would fail the same way and block the shard. A claimed request's lease runs out and the
        // sweeper takes it back; an unclaimed one is re-driven as stale.
        log.error("stream record skipped after an unexpected error",
            LogFields.empty().with("sequenceNumber", sequenceNumber), unexpected);
      }
    }
    return new StreamsEventResponse(failures);
  }

  /** Acts on one record; false when it should run but too little time is left to start it (nothing written). */
  private boolean handle(DynamodbEvent.DynamodbStreamRecord record, LongSupplier remainingMillis) {
    String eventName = record.getEventName();
    if (!"INSERT".equals(eventName) && !"MODIFY".equals(eventName) || record.getDynamodb() == null
        || record.getDynamodb().getNewImage() == null) {
      return true;
    }
    RequestRecord image;
    try {
      image = RequestItemCodec.fromItem(StreamImages.toSdk(record.getDynamodb().getNewImage()));
    } catch (IllegalArgumentException malformed) {
      // not a request written by Streamer: redelivering it would never help
      log.error("skipping malformed requests-table record",
          LogFields.empty().with("sequenceNumber", record.getDynamodb().getSequenceNumber()), malformed);
      return true;
    }
    Instant now = clock.instant();
    if (!image.isDue(now)) {
      return true;
    }
    Duration remaining = Duration.ofMillis(Math.max(0, remainingMillis.getAsLong()));
    if (remaining.compareTo(settings.timeoutBuffer().multipliedBy(2)) <= 0) {
      return false; // claiming now would end in an immediate TIMEOUT, a final failure the job did not cause
    }
    claimAndRun(image, remaining, now.plus(remaining));
    return true;
  }

  /**
   * The claim step: when the tenant has a free place (or no cap applies), claims the request and, when this worker
   * won it, runs it to its recorded outcome, then frees the place, whatever the outcome (completed, failed, retried,
   * cancelled, timed out). Over the cap the request is left PENDING, untouched: a release wakes it in its turn.
   */
  private void claimAndRun(RequestRecord image, Duration remaining, Instant invocationEnd) {
    TenantConcurrency gate = concurrency.get().orElse(null);
    if (gate != null) {
      // the place is held until the invocation's end at the latest: a crashed worker frees it then
      TenantConcurrency.Admission admission = gate.admit(image.requestId(), image.tenantId(), image.action(),
          image.createdAt(), invocationEnd);
      if (admission instanceof TenantConcurrency.Admission.Deferred deferred) {
        metrics.jobDeferred(image.action(), image.requestId(), image.tenantId());
        log.debug("deferred: the tenant runs its maximum of jobs", JobRunner.fieldsOf(image)
            .with("position", deferred.position()).with("running", deferred.running()));
        return;
      }
      if (admission instanceof TenantConcurrency.Admission.AlreadyRunning) {
        log.debug("not claimed: it runs already", JobRunner.fieldsOf(image));
        return;
      }
    }
    try {
      Optional<RequestRecord> claimed = store.claim(image.requestId(), remaining);
      if (claimed.isEmpty()) {
        log.debug("not claimed: already taken, finished, or not due", JobRunner.fieldsOf(image));
        return;
      }
      runner.run(claimed.get(), invocationEnd.minus(settings.timeoutBuffer()));
    } finally {
      if (gate != null) {
        gate.release(image.requestId(), image.tenantId(), image.action());
      }
    }
  }
}
