package dev.streamer.local.streams;

import dev.streamer.runtime.aws.internal.processor.EventSourceMapping;
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
 * Reads a DynamoDB stream the way Lambda's event source mapping does: lists the shards, follows each one's
 * iterators with {@code GetRecords} (a child only after its parent is finished), and hands every record, converted to
 * the Lambda event model, to the {@link ProcessorLanes} of its shard.
 *
 * <p>The shards listed when the poller starts are read from the mapping's {@code StartingPosition} (LATEST in the
 * template, so a stack restarted against an existing DynamoDB does not replay the stream); shards that appear later
 * are read from their start, as Lambda does. Requests whose records were written while nothing read the stream are
 * PENDING and old: the sweeper re-drives them.
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
  private boolean firstListing = true;

  private static final class ShardCursor {
    final ShardIteratorType start;
    String iterator;
    String lastSequenceNumber;

    ShardCursor(ShardIteratorType start, String iterator) {
      this.start = start;
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

  /**
   * Takes the first shard iterators on the calling thread, so that every record written after this returns is
   * read (with StartingPosition LATEST), then starts reading.
   */
  public void start() {
    refreshShards();
    nextShardRefresh = System.nanoTime() + SHARD_REFRESH.toNanos();
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
    } catch (ExpiredIteratorException expired) {
      // an old iterator: take a fresh one where this one stood
      cursor.iterator = cursor.lastSequenceNumber == null
          ? iterator(shardId, cursor.start, null)
          : iterator(shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, cursor.lastSequenceNumber);
      return 0;
    } catch (TrimmedDataAccessException beforeFirstRecord) {
      // (DynamoDB Local) an iterator taken while the shard was empty: everything in it now is new
      cursor.iterator = cursor.lastSequenceNumber == null
          ? iterator(shardId, ShardIteratorType.TRIM_HORIZON, null)
          : iterator(shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, cursor.lastSequenceNumber);
      return 0;
    }
    for (Record record : page.records()) {
      lanes.submit(shardId, StreamRecordConverter.toEvent(record, streamArn));
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
        ShardIteratorType from = firstListing
            && lanes.mapping().startingPosition() == EventSourceMapping.StartingPosition.LATEST
            ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
        open.put(id, new ShardCursor(from, iterator(id, from, null)));
      }
    }
    firstListing = false;
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
