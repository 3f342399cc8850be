package dev.streamer.runtime.aws;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads the real stream of a table from DynamoDB Local and hands out its new records as the {@link DynamodbEvent}
 * Lambda would deliver (same fields, converted to the events library's model).
 */
public final class StreamRecords implements AutoCloseable {
  private final DynamoDbStreamsClient streams = DynamoDbLocal.streamsClient();
  private final String streamArn;
  private final Map<String, String> iterators = new HashMap<>();

  public StreamRecords(DynamoDbClient client, String table) {
    this.streamArn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
  }

  /** Every record written since the previous call (or since the table was created), in shard order. */
  public DynamodbEvent next() {
    List<DynamodbEvent.DynamodbStreamRecord> out = new ArrayList<>();
    for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
      String iterator = iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(b -> b
          .streamArn(streamArn).shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
      while (iterator != null) {
        String current = iterator;
        GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(current));
        page.records().forEach(r -> out.add(toEvent(r)));
        iterator = page.nextShardIterator();
        if (page.records().isEmpty()) {
          break;
        }
      }
      iterators.put(shard.shardId(), iterator);
    }
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(out);
    return event;
  }

  /** Waits (up to 30 s) until at least {@code count} new records arrived, and returns them all. */
  public DynamodbEvent await(int count) throws InterruptedException {
    List<DynamodbEvent.DynamodbStreamRecord> all = new ArrayList<>();
    long end = System.nanoTime() + 30_000_000_000L; // generous: the build machine may be busy
    while (all.size() < count && System.nanoTime() < end) {
      all.addAll(next().getRecords());
      if (all.size() < count) {
        Thread.sleep(10); // polling a stream: there is nothing to block on
      }
    }
    if (all.size() < count) {
      throw new AssertionError("expected " + count + " stream records, got " + all.size());
    }
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(all);
    return event;
  }

  private DynamodbEvent.DynamodbStreamRecord toEvent(Record r) {
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    record.setEventID(r.eventID());
    record.setEventName(r.eventNameAsString());
    record.setEventSource(r.eventSource());
    record.setEventVersion(r.eventVersion());
    record.setAwsRegion(r.awsRegion());
    record.setEventSourceARN(streamArn);
    StreamRecord data = new StreamRecord();
    data.setSequenceNumber(r.dynamodb().sequenceNumber());
    data.setKeys(convert(r.dynamodb().keys()));
    if (r.dynamodb().hasNewImage()) {
      data.setNewImage(convert(r.dynamodb().newImage()));
    }
    if (r.dynamodb().hasOldImage()) {
      data.setOldImage(convert(r.dynamodb().oldImage()));
    }
    data.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(r.dynamodb().streamViewTypeAsString()));
    record.setDynamodb(data);
    return record;
  }

  private static Map<String, AttributeValue> convert(
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    item.forEach((k, v) -> out.put(k, convert(v)));
    return out;
  }

  private static AttributeValue convert(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
    AttributeValue out = new AttributeValue();
    if (v.s() != null) {
      out.setS(v.s());
    } else if (v.n() != null) {
      out.setN(v.n());
    } else if (v.bool() != null) {
      out.setBOOL(v.bool());
    } else if (v.hasM()) {
      out.setM(convert(v.m()));
    } else if (v.hasL()) {
      out.setL(v.l().stream().map(StreamRecords::convert).toList());
    } else if (v.hasSs()) {
      out.setSS(v.ss());
    } else if (v.hasNs()) {
      out.setNS(v.ns());
    } else {
      out.setNULL(true);
    }
    return out;
  }

  @Override
  public void close() {
    streams.close();
  }
}
