package dev.streamer.local.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.streamer.local.lambda.LocalFunction;
import dev.streamer.runtime.aws.internal.processor.EventSourceMapping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ProcessorLanesTest {

  private static DynamodbEvent.DynamodbStreamRecord record(String sequenceNumber) {
    return record(sequenceNumber, "k", "PENDING");
  }

  private static DynamodbEvent.DynamodbStreamRecord record(String sequenceNumber, String key, String status) {
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    record.setEventName("INSERT");
    StreamRecord data = new StreamRecord();
    data.setSequenceNumber(sequenceNumber);
    data.setKeys(Map.of("requestId", new AttributeValue().withS(key)));
    data.setNewImage(Map.of("requestId", new AttributeValue().withS(key),
        "status", new AttributeValue().withS(status)));
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

  private static LocalFunction<DynamodbEvent, StreamsEventResponse> function(
      Function<DynamodbEvent, StreamsEventResponse> body) {
    LocalFunction<DynamodbEvent, StreamsEventResponse> f =
        new LocalFunction<>("processor", Duration.ofMinutes(1), runtime -> (event, context) -> body.apply(event));
    f.instantiate(null); // the handler ignores its runtime
    return f;
  }

  private static void awaitIdle(ProcessorLanes lanes) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (lanes.pending() > 0 && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    assertEquals(0, lanes.pending());
  }

  private static String key(DynamodbEvent.DynamodbStreamRecord r) {
    return r.getDynamodb().getKeys().get("requestId").getS();
  }

  @Test
  void eachShardGetsParallelizationFactorLanesAndKeepsEachKeysOrder() throws Exception {
    Map<String, Integer> concurrentByShard = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> runningByShard = new ConcurrentHashMap<>();
    List<String> seen = new CopyOnWriteArrayList<>();
    ProcessorLanes lanes = new ProcessorLanes(EventSourceMapping.DEFAULT.withParallelizationFactor(3)
        .withBatchSize(1), Duration.ofMillis(1), function(event -> {
          DynamodbEvent.DynamodbStreamRecord r = event.getRecords().get(0);
          String shard = key(r).substring(0, 1);
          int now = runningByShard.computeIfAbsent(shard, s -> new AtomicInteger()).incrementAndGet();
          concurrentByShard.merge(shard, now, Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          seen.add(key(r) + "@" + r.getDynamodb().getSequenceNumber());
          runningByShard.get(shard).decrementAndGet();
          return new StreamsEventResponse(List.of());
        }));
    try {
      int sequence = 0;
      for (int round = 0; round < 4; round++) {
        for (String key : List.of("a1", "a2", "a3", "a4", "a5", "a6", "b1", "b2", "b3")) {
          lanes.submit(key.substring(0, 1), record(String.format("%021d", ++sequence), key, "PENDING"));
        }
      }
      awaitIdle(lanes);
    } finally {
      lanes.close();
    }
    assertEquals(2, lanes.shardCount());
    assertEquals(36, seen.size());
    assertTrue(concurrentByShard.get("a") <= 3 && concurrentByShard.get("b") <= 3, concurrentByShard.toString());
    assertTrue(concurrentByShard.get("a") >= 2, "shard a ran batches at once: " + concurrentByShard);
    for (String key : List.of("a1", "a4", "b2")) {
      List<String> ofKey = seen.stream().filter(s -> s.startsWith(key + "@")).toList();
      List<String> sorted = new ArrayList<>(ofKey);
      sorted.sort(null);
      assertEquals(sorted, ofKey, "records of one key stay in order");
    }
  }

  @Test
  void recordsThatAreNotPendingNeverInvokeTheProcessor() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    ProcessorLanes lanes = new ProcessorLanes(EventSourceMapping.DEFAULT, Duration.ofMillis(1), function(event -> {
      event.getRecords().forEach(r -> seen.add(key(r)));
      return new StreamsEventResponse(List.of());
    }));
    try {
      lanes.submit("s", record("1", "done", "COMPLETED"));
      lanes.submit("s", record("2", "claimed", "PROCESSING"));
      lanes.submit("s", record("3", "queued", "PENDING"));
      awaitIdle(lanes);
    } finally {
      lanes.close();
    }
    assertEquals(List.of("queued"), seen);
    assertEquals(2, lanes.filtered());
  }

  @Test
  void aFailingInvocationIsBisectedSoTheRestOfTheBatchRuns() throws Exception {
    List<String> done = new CopyOnWriteArrayList<>();
    ProcessorLanes lanes = new ProcessorLanes(EventSourceMapping.DEFAULT.withParallelizationFactor(1)
        .withMaximumRetryAttempts(1), Duration.ofMillis(1), function(event -> {
          if (event.getRecords().stream().anyMatch(r -> key(r).equals("poison"))) {
            throw new IllegalStateException("boom");
          }
          event.getRecords().forEach(r -> done.add(key(r)));
          return new StreamsEventResponse(List.of());
        }));
    try {
      List<String> keys = List.of("r1", "r2", "poison", "r3");
      // one key-less lane: submit while the lane cannot start yet is not needed; order within a lane is kept anyway
      for (int i = 0; i < keys.size(); i++) {
        lanes.submit("s", record(String.valueOf(i + 1), keys.get(i), "PENDING"));
      }
      awaitIdle(lanes);
    } finally {
      lanes.close();
    }
    assertTrue(done.containsAll(List.of("r1", "r2", "r3")), done.toString());
    assertEquals(1, lanes.discarded());
  }
}
