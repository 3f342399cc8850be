package dev.streamer.local.streams;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Converts the records the SDK v2 reads from a stream into the {@code aws-lambda-java-events} model that Lambda's
 * event source mapping hands to a function: event name, id, version, source, region, {@code eventSourceARN}, and
 * {@code dynamodb} with keys, new and old images, sequence number, size and view type; the TTL service identity on
 * TTL deletions.
 */
public final class StreamRecordConverter {

  private StreamRecordConverter() {}

  public static DynamodbEvent.DynamodbStreamRecord toEvent(Record record, String streamArn) {
    DynamodbEvent.DynamodbStreamRecord out = new DynamodbEvent.DynamodbStreamRecord();
    out.setEventID(record.eventID());
    out.setEventName(record.eventNameAsString());
    out.setEventVersion(record.eventVersion());
    out.setEventSource(record.eventSource());
    out.setAwsRegion(record.awsRegion());
    out.setEventSourceARN(streamArn);
    if (record.userIdentity() != null) {
      Identity identity = new Identity();
      identity.setPrincipalId(record.userIdentity().principalId());
      identity.setType(record.userIdentity().type());
      out.setUserIdentity(identity);
    }
    software.amazon.awssdk.services.dynamodb.model.StreamRecord in = record.dynamodb();
    if (in != null) {
      StreamRecord data = new StreamRecord();
      if (in.approximateCreationDateTime() != null) {
        data.setApproximateCreationDateTime(Date.from(in.approximateCreationDateTime()));
      }
      data.setSequenceNumber(in.sequenceNumber());
      data.setSizeBytes(in.sizeBytes());
      if (in.hasKeys()) {
        data.setKeys(toEvent(in.keys()));
      }
      if (in.hasNewImage()) {
        data.setNewImage(toEvent(in.newImage()));
      }
      if (in.hasOldImage()) {
        data.setOldImage(toEvent(in.oldImage()));
      }
      if (in.streamViewTypeAsString() != null) {
        data.setStreamViewType(StreamViewType.fromValue(in.streamViewTypeAsString()));
      }
      out.setDynamodb(data);
    }
    return out;
  }

  public static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> toEvent(
      Map<String, AttributeValue> item) {
    Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> out =
        new LinkedHashMap<>();
    item.forEach((name, value) -> out.put(name, toEvent(value)));
    return out;
  }

  public static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue toEvent(
      AttributeValue v) {
    var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
    switch (v.type()) {
      case S -> out.setS(v.s());
      case N -> out.setN(v.n());
      case B -> out.setB(ByteBuffer.wrap(v.b().asByteArray()));
      case SS -> out.setSS(new ArrayList<>(v.ss()));
      case NS -> out.setNS(new ArrayList<>(v.ns()));
      case BS -> {
        List<ByteBuffer> buffers = new ArrayList<>(v.bs().size());
        v.bs().forEach(b -> buffers.add(ByteBuffer.wrap(b.asByteArray())));
        out.setBS(buffers);
      }
      case M -> out.setM(toEvent(v.m()));
      case L -> {
        List<com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> list =
            new ArrayList<>(v.l().size());
        v.l().forEach(e -> list.add(toEvent(e)));
        out.setL(list);
      }
      case BOOL -> out.setBOOL(v.bool());
      case NUL -> out.setNULL(Boolean.TRUE);
      default -> throw new IllegalArgumentException("unknown attribute value type " + v.type());
    }
    return out;
  }
}
