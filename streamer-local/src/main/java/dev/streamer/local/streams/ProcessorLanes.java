package dev.streamer.local.streams;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.streamer.local.lambda.LocalFunction;
import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Invokes the stream processor the way Lambda's event source mapping does with {@code ParallelizationFactor = lanes}
 * and {@code FunctionResponseTypes = [ReportBatchItemFailures]}: records with the same partition key always go to the
 * same lane and are delivered in order; each lane invokes one batch at a time.
 *
 * <p>Batch item failures are honoured as Lambda does: the batch is retried from the lowest failed sequence number (so
 * every later record of the batch is delivered again); a failure entry without a valid sequence number, or an
 * exception, retries the whole batch. After {@code maxRetries} retries the remaining records are discarded with an
 * error log line ({@code MaximumRetryAttempts}).
 */
public final class ProcessorLanes implements AutoCloseable {

  /**
   * @param lanes        concurrent batches (Lambda's ParallelizationFactor, 1 to 10)
   * @param batchSize    most records per invocation
   * @param maxRetries   retries of a failing batch before its records are discarded
   * @param retryBackoff delay before the first retry; doubled each time
   */
  public record Settings(int lanes, int batchSize, int maxRetries, Duration retryBackoff) {
    public Settings {
      if (lanes < 1 || batchSize < 1 || maxRetries < 0) {
        throw new IllegalArgumentException("lanes and batchSize must be positive, maxRetries not negative");
      }
    }
  }

  private static final System.Logger LOG = System.getLogger(ProcessorLanes.class.getName());

  private final Settings settings;
  private final LocalFunction<DynamodbEvent, StreamsEventResponse> processor;
  private final List<Lane> lanes = new ArrayList<>();
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong discarded = new AtomicLong();
  private volatile boolean running = true;

  public ProcessorLanes(Settings settings, LocalFunction<DynamodbEvent, StreamsEventResponse> processor) {
    this.settings = settings;
    this.processor = processor;
    for (int i = 0; i < settings.lanes(); i++) {
      Lane lane = new Lane(i);
      lanes.add(lane);
      lane.thread.start();
    }
  }

  /** Queues one record on the lane of its partition key. */
  public void submit(DynamodbEvent.DynamodbStreamRecord record) {
    pending.incrementAndGet();
    lanes.get(Math.floorMod(partitionKey(record).hashCode(), lanes.size())).queue.add(record);
  }

  /** Records queued or in a batch being invoked. */
  public long pending() {
    return pending.get();
  }

  /** Records given up on after their retries. */
  public long discarded() {
    return discarded.get();
  }

  /** Lets the batches being invoked finish (up to {@code grace}), then interrupts them; queued records are dropped. */
  public void close(Duration grace) {
    running = false;
    long deadline = System.nanoTime() + grace.toNanos();
    for (Lane lane : lanes) {
      try {
        lane.thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    lanes.forEach(lane -> lane.thread.interrupt());
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

  private final class Lane implements Runnable {
    final BlockingQueue<DynamodbEvent.DynamodbStreamRecord> queue = new LinkedBlockingQueue<>();
    final Thread thread;

    Lane(int index) {
      thread = new Thread(this, "local-stream-lane-" + index);
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      while (running) {
        DynamodbEvent.DynamodbStreamRecord first;
        try {
          first = queue.poll(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          return;
        }
        if (first == null) {
          continue;
        }
        List<DynamodbEvent.DynamodbStreamRecord> batch = new ArrayList<>(settings.batchSize());
        batch.add(first);
        queue.drainTo(batch, settings.batchSize() - 1);
        try {
          deliver(batch);
        } finally {
          pending.addAndGet(-batch.size());
        }
      }
    }

    private void deliver(List<DynamodbEvent.DynamodbStreamRecord> batch) {
      List<DynamodbEvent.DynamodbStreamRecord> remaining = batch;
      for (int retry = 0; ; retry++) {
        int failedFrom = invoke(remaining);
        if (failedFrom < 0) {
          return;
        }
        remaining = remaining.subList(failedFrom, remaining.size());
        if (retry >= settings.maxRetries()) {
          discarded.addAndGet(remaining.size());
          LOG.log(Level.ERROR, "stream processor: " + remaining.size() + " record(s) discarded after "
              + settings.maxRetries() + " retries, from sequence number " + sequenceNumber(remaining.get(0)));
          return;
        }
        try {
          Thread.sleep(settings.retryBackoff().toMillis() << Math.min(retry, 10));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    /** Invokes once; returns -1 on success, else the index in {@code batch} to retry from. */
    private int invoke(List<DynamodbEvent.DynamodbStreamRecord> batch) {
      DynamodbEvent event = new DynamodbEvent();
      event.setRecords(new ArrayList<>(batch));
      StreamsEventResponse response;
      try {
        response = processor.invoke(event);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "stream processor failed; the batch of " + batch.size() + " will be retried", e);
        return 0;
      }
      if (response == null || response.getBatchItemFailures() == null
          || response.getBatchItemFailures().isEmpty()) {
        return -1;
      }
      return retryIndex(batch, response.getBatchItemFailures());
    }
  }

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
