package dev.streamer.local.streams;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.streamer.local.lambda.LocalFunction;
import dev.streamer.runtime.aws.internal.processor.EventSourceMapping;
import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Invokes the stream processor the way Lambda's event source mapping does, with the settings of an
 * {@link EventSourceMapping} (the one the SAM template deploys, unless a test says otherwise):
 *
 * <ul>
 *   <li>{@code FilterCriteria}: records that do not pass {@link EventSourceMapping#passesFilter} never invoke it;</li>
 *   <li>{@code ParallelizationFactor}: each shard has that many lanes; records with the same partition key always
 *       go to the same lane of their shard and are delivered in order; each lane invokes one batch at a time, of at
 *       most {@code BatchSize} records gathered for up to {@code MaximumBatchingWindowInSeconds};</li>
 *   <li>{@code ReportBatchItemFailures}: the batch is retried from the lowest failed sequence number (so every later
 *       record of the batch is delivered again); a failure entry without a valid sequence number retries the whole
 *       batch;</li>
 *   <li>{@code BisectBatchOnFunctionError}: a batch whose invocation throws is split in two and each half
 *       retried;</li>
 *   <li>{@code MaximumRetryAttempts} and {@code MaximumRecordAgeInSeconds}: records past either are discarded with an
 *       error log line (the on-failure destination).</li>
 * </ul>
 */
public final class ProcessorLanes implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ProcessorLanes.class.getName());

  private final EventSourceMapping mapping;
  private final Duration retryBackoff;
  private final LocalFunction<DynamodbEvent, StreamsEventResponse> processor;
  private final Map<String, List<Lane>> shards = new ConcurrentHashMap<>();
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong discarded = new AtomicLong();
  private final AtomicLong filtered = new AtomicLong();
  private volatile boolean running = true;

  /**
   * @param mapping      the event source mapping's settings
   * @param retryBackoff delay before the first retry of a failed batch; doubled each time
   */
  public ProcessorLanes(EventSourceMapping mapping, Duration retryBackoff,
      LocalFunction<DynamodbEvent, StreamsEventResponse> processor) {
    this.mapping = mapping;
    this.retryBackoff = retryBackoff;
    this.processor = processor;
  }

  public EventSourceMapping mapping() {
    return mapping;
  }

  /** Queues one record of {@code shardId} on the lane of its partition key, unless the filter drops it. */
  public void submit(String shardId, DynamodbEvent.DynamodbStreamRecord record) {
    if (!EventSourceMapping.passesFilter(record)) {
      filtered.incrementAndGet();
      return;
    }
    List<Lane> lanes = shards.computeIfAbsent(shardId, this::startLanes);
    pending.incrementAndGet();
    lanes.get(Math.floorMod(partitionKey(record).hashCode(), lanes.size())).queue
        .add(new Queued(record, System.nanoTime()));
  }

  private List<Lane> startLanes(String shardId) {
    List<Lane> lanes = new ArrayList<>(mapping.parallelizationFactor());
    for (int i = 0; i < mapping.parallelizationFactor(); i++) {
      Lane lane = new Lane(shardId, i);
      lanes.add(lane);
      lane.thread.start();
    }
    return List.copyOf(lanes);
  }

  /** Records queued or in a batch being invoked. */
  public long pending() {
    return pending.get();
  }

  /** Records given up on after their retries or past their maximum age. */
  public long discarded() {
    return discarded.get();
  }

  /** Records the filter kept from the processor. */
  public long filtered() {
    return filtered.get();
  }

  /** Shards that have lanes (one per shard that had a record passing the filter). */
  public int shardCount() {
    return shards.size();
  }

  /** Lets the batches being invoked finish (up to {@code grace}), then interrupts them; queued records are dropped. */
  public void close(Duration grace) {
    running = false;
    long deadline = System.nanoTime() + grace.toNanos();
    List<Lane> all = new ArrayList<>();
    shards.values().forEach(all::addAll);
    for (Lane lane : all) {
      try {
        lane.thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    all.forEach(lane -> lane.thread.interrupt());
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  private static String partitionKey(DynamodbEvent.DynamodbStreamRecord record) {
    if (record.getDynamodb() == null || record.getDynamodb().getKeys() == null) {
      return "";
    }
    return new TreeMap<>(record.getDynamodb().getKeys()).toString();
  }

  private record Queued(DynamodbEvent.DynamodbStreamRecord record, long readAtNanos) {}

  private final class Lane implements Runnable {
    final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    final Thread thread;

    Lane(String shardId, int index) {
      thread = new Thread(this, "local-stream-lane-" + shardId + "-" + index);
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      while (running) {
        Queued first;
        try {
          first = queue.poll(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          return;
        }
        if (first == null) {
          continue;
        }
        List<Queued> batch = new ArrayList<>(mapping.batchSize());
        batch.add(first);
        try {
          gather(batch);
        } catch (InterruptedException e) {
          pending.addAndGet(-batch.size());
          return;
        }
        try {
          deliver(batch);
        } finally {
          pending.addAndGet(-batch.size());
        }
      }
    }

    /** Fills the batch with what is queued, waiting up to the batching window for more. */
    private void gather(List<Queued> batch) throws InterruptedException {
      long windowEnd = System.nanoTime() + mapping.maximumBatchingWindow().toNanos();
      queue.drainTo(batch, mapping.batchSize() - batch.size());
      while (batch.size() < mapping.batchSize() && running) {
        long wait = windowEnd - System.nanoTime();
        if (wait <= 0) {
          return;
        }
        Queued next = queue.poll(wait, TimeUnit.NANOSECONDS);
        if (next != null) {
          batch.add(next);
          queue.drainTo(batch, mapping.batchSize() - batch.size());
        }
      }
    }

    private void deliver(List<Queued> batch) {
      List<Queued> remaining = dropExpired(batch);
      for (int retry = 0; !remaining.isEmpty(); retry++) {
        Outcome outcome = invoke(remaining);
        if (outcome.failedFrom < 0) {
          return;
        }
        if (outcome.threw && mapping.bisectBatchOnFunctionError() && remaining.size() > 1) {
          int half = remaining.size() / 2;
          deliver(List.copyOf(remaining.subList(0, half)));
          deliver(List.copyOf(remaining.subList(half, remaining.size())));
          return;
        }
        remaining = remaining.subList(outcome.failedFrom, remaining.size());
        if (mapping.maximumRetryAttempts() >= 0 && retry >= mapping.maximumRetryAttempts()) {
          discard(remaining, "after " + mapping.maximumRetryAttempts() + " retries");
          return;
        }
        try {
          Thread.sleep(retryBackoff.toMillis() << Math.min(retry, 10));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        remaining = dropExpired(remaining);
      }
    }

    private List<Queued> dropExpired(List<Queued> batch) {
      long oldest = System.nanoTime() - mapping.maximumRecordAge().toNanos();
      int expired = 0;
      while (expired < batch.size() && batch.get(expired).readAtNanos() - oldest < 0) {
        expired++;
      }
      if (expired > 0) {
        discard(batch.subList(0, expired), "older than " + mapping.maximumRecordAge().toSeconds() + " s");
      }
      return batch.subList(expired, batch.size());
    }

    private void discard(List<Queued> records, String why) {
      discarded.addAndGet(records.size());
      LOG.log(Level.ERROR, "stream processor: " + records.size() + " record(s) discarded " + why
          + ", from sequence number " + sequenceNumber(records.get(0).record()));
    }

    private Outcome invoke(List<Queued> batch) {
      List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>(batch.size());
      batch.forEach(q -> records.add(q.record()));
      DynamodbEvent event = new DynamodbEvent();
      event.setRecords(records);
      StreamsEventResponse response;
      try {
        response = processor.invoke(event);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "stream processor failed; the batch of " + batch.size() + " will be retried", e);
        return new Outcome(0, true);
      }
      if (response == null || response.getBatchItemFailures() == null
          || response.getBatchItemFailures().isEmpty()) {
        return new Outcome(-1, false);
      }
      return new Outcome(retryIndex(records, response.getBatchItemFailures()), false);
    }
  }

  /** Where to resume ({@code -1}: done) and whether the invocation threw. */
  private record Outcome(int failedFrom, boolean threw) {}

  /** Where Lambda resumes: at the lowest failed sequence number, or at the start if any failure is unusable. */
  static int retryIndex(List<DynamodbEvent.DynamodbStreamRecord> batch,
      List<StreamsEventResponse.BatchItemFailure> failures) {
    Map<String, Integer> indexBySequence = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      String sequence = sequenceNumber(batch.get(i));
      if (sequence != null) {
        indexBySequence.putIfAbsent(sequence, i);
      }
    }
    BigInteger lowest = null;
    String lowestId = null;
    for (StreamsEventResponse.BatchItemFailure failure : failures) {
      String id = failure == null ? null : failure.getItemIdentifier();
      if (id == null || id.isBlank() || !indexBySequence.containsKey(id)) {
        return 0;
      }
      BigInteger sequence;
      try {
        sequence = new BigInteger(id);
      } catch (NumberFormatException notNumeric) {
        return 0;
      }
      if (lowest == null || sequence.compareTo(lowest) < 0) {
        lowest = sequence;
        lowestId = id;
      }
    }
    return indexBySequence.get(lowestId);
  }

  private static String sequenceNumber(DynamodbEvent.DynamodbStreamRecord record) {
    return record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
  }
}
