package dev.streamer.local.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessorLanesTest {

  private static DynamodbEvent.DynamodbStreamRecord record(String sequenceNumber) {
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    StreamRecord data = new StreamRecord();
    data.setSequenceNumber(sequenceNumber);
    record.setDynamodb(data);
    return record;
  }

  private static StreamsEventResponse.BatchItemFailure failure(String id) {
    return new StreamsEventResponse.BatchItemFailure(id);
  }

  private final List<DynamodbEvent.DynamodbStreamRecord> batch =
      List.of(record("000000000000000000009"), record("000000000000000000010"), record("000000000000000000011"));

  @Test
  void retriesFromTheLowestFailedSequenceNumberComparedAsNumbers() {
    assertEquals(1, ProcessorLanes.retryIndex(batch,
        List.of(failure("000000000000000000011"), failure("000000000000000000010"))));
    assertEquals(2, ProcessorLanes.retryIndex(batch, List.of(failure("000000000000000000011"))));
  }

  @Test
  void anUnusableFailureRetriesTheWholeBatch() {
    assertEquals(0, ProcessorLanes.retryIndex(batch, List.of(failure(null))));
    assertEquals(0, ProcessorLanes.retryIndex(batch, List.of(failure(""))));
    assertEquals(0, ProcessorLanes.retryIndex(batch, List.of(failure("999"))));
  }
}
