package dev.streamer.local.streams;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a DynamoDB stream the way Lambda's event source mapping does: lists the shards, reads each from its start
 * (a child only after its parent is finished), follows the shard iterators with {@code GetRecords}, and hands every
 * record, converted to the Lambda event model, to the {@link ProcessorLanes}.
 *
 * <p>Shards are read from {@code TRIM_HORIZON}, so a stack connected to an existing DynamoDB replays what the stream
 * still holds (at most 24 hours); the processor's claim makes that harmless.
 */
public final class StreamPoller implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(StreamPoller.class.getName());
  private static final Duration SHARD_REFRESH = Duration.ofSeconds(1);
  private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);
  /** Reading pauses while this many records wait for the processor. */
  private static final long MAX_PENDING = 10_000;

  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final ProcessorLanes lanes;
  private final Duration pollInterval;
  private final Map<String, ShardCursor> open = new LinkedHashMap<>();
  private final Set<String> finished = new HashSet<>();
  private final Thread thread;
  private volatile boolean running = true;
  private long nextShardRefresh;

  private static final class ShardCursor {
    String iterator;
    String lastSequenceNumber;

    ShardCursor(String iterator) {
      this.iterator = iterator;
    }
  }

  public StreamPoller(DynamoDbStreamsClient streams, String streamArn, ProcessorLanes lanes, Duration pollInterval) {
    this.streams = streams;
    this.streamArn = streamArn;
    this.lanes = lanes;
    this.pollInterval = pollInterval;
    this.thread = new Thread(this::run, "local-stream-poller");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  public String streamArn() {
    return streamArn;
  }

  private void run() {
    boolean failing = false;
    while (running) {
      try {
        int read = pollOnce();
        if (failing) {
          LOG.log(Level.INFO, "stream reading resumed");
          failing = false;
        }
        if (read == 0 && !pause(pollInterval)) {
          return;
        }
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        if (!failing) {
          LOG.log(Level.WARNING, "reading the requests stream failed; retrying every " + ERROR_PAUSE.toSeconds()
              + " s: " + e);
          failing = true;
        }
        if (!pause(ERROR_PAUSE)) {
          return;
        }
      }
    }
  }

  /** One round over every open shard; returns how many records were read. */
  int pollOnce() {
    if (open.isEmpty() || System.nanoTime() >= nextShardRefresh) {
      refreshShards();
      nextShardRefresh = System.nanoTime() + SHARD_REFRESH.toNanos();
    }
    if (lanes.pending() >= MAX_PENDING) {
      return 0;
    }
    int read = 0;
    for (Map.Entry<String, ShardCursor> entry : new ArrayList<>(open.entrySet())) {
      read += poll(entry.getKey(), entry.getValue());
    }
    return read;
  }

  private int poll(String shardId, ShardCursor cursor) {
    GetRecordsResponse page;
    try {
      page = streams.getRecords(b -> b.shardIterator(cursor.iterator).limit(1000));
    } catch (ExpiredIteratorException | TrimmedDataAccessException stale) {
      // an old iterator, or (DynamoDB Local) one taken before the shard's first record: take a fresh one
      cursor.iterator = cursor.lastSequenceNumber == null
          ? iterator(shardId, ShardIteratorType.TRIM_HORIZON, null)
          : iterator(shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, cursor.lastSequenceNumber);
      return 0;
    }
    for (Record record : page.records()) {
      lanes.submit(StreamRecordConverter.toEvent(record, streamArn));
      cursor.lastSequenceNumber = record.dynamodb().sequenceNumber();
    }
    cursor.iterator = page.nextShardIterator();
    if (cursor.iterator == null) {
      open.remove(shardId);
      finished.add(shardId);
    }
    return page.records().size();
  }

  private void refreshShards() {
    List<Shard> shards = new ArrayList<>();
    String startAfter = null;
    do {
      String exclusiveStart = startAfter;
      DescribeStreamResponse page = streams.describeStream(b -> b.streamArn(streamArn)
          .exclusiveStartShardId(exclusiveStart));
      shards.addAll(page.streamDescription().shards());
      startAfter = page.streamDescription().lastEvaluatedShardId();
    } while (startAfter != null);
    Set<String> listed = new HashSet<>();
    shards.forEach(s -> listed.add(s.shardId()));
    for (Shard shard : shards) {
      String id = shard.shardId();
      if (open.containsKey(id) || finished.contains(id)) {
        continue;
      }
      String parent = shard.parentShardId();
      boolean parentDone = parent == null || finished.contains(parent) || !listed.contains(parent);
      if (parentDone) {
        open.put(id, new ShardCursor(iterator(id, ShardIteratorType.TRIM_HORIZON, null)));
      }
    }
  }

  private String iterator(String shardId, ShardIteratorType type, String sequenceNumber) {
    return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type)
        .sequenceNumber(sequenceNumber)).shardIterator();
  }

  private boolean pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  /** Stops reading; records already handed to the lanes are theirs to finish. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
