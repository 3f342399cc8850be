package dev.streamer.runtime.aws.internal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.core.routing.AsyncRequest;
import dev.streamer.core.routing.RouteExecutor;
import dev.streamer.core.routing.RouteTables;
import dev.streamer.runtime.aws.DirectProgress;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.JobRoute;
import dev.streamer.runtime.aws.RecordingReplies;
import dev.streamer.runtime.aws.StreamRecords;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogLevel;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.tables.TableNames;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** A batch's claimed jobs run at once, bounded by PROCESSOR_CONCURRENCY, against DynamoDB Local's real stream. */
class ConcurrentBatchTest {

  private DynamoDbClient client;
  private TableNames tables;
  private StreamRecords stream;
  private DynamoRequestStore store;
  private RecordingReplies replies;
  private ExecutorService workers;

  @BeforeEach
  void setUp() {
    client = DynamoDbLocal.client();
    tables = DynamoDbLocal.createTables("concurrent");
    stream = new StreamRecords(client, tables.requests());
    store = new DynamoRequestStore(client, tables.requests(), Clock.systemUTC(), Duration.ofDays(7), 2);
    replies = new RecordingReplies();
    workers = Executors.newCachedThreadPool();
  }

  @AfterEach
  void tearDown() {
    workers.shutdownNow();
    stream.close();
    client.close();
  }

  private StreamProcessor processor(DynamoRequestStore store, JobRoute route, int concurrency) {
    ProcessorSettings settings = ProcessorSettings.defaults().withConcurrency(concurrency);
    return new StreamProcessor(store, RouteTables.of("test", route), new RouteExecutor(List.of()),
        DirectProgress.factory(store, replies), replies, settings,
        new JsonLog("test", LogLevel.WARN, l -> {}, Clock.systemUTC()),
        new Metrics("Streamer", "test", l -> {}, Clock.systemUTC()), workers);
  }

  private List<AsyncRequest> enqueue(int count) {
    List<AsyncRequest> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      AsyncRequest request = new AsyncRequest(UUID.randomUUID().toString(), "c-" + i, "job", "{\"n\":" + i + "}",
          "conn-" + UUID.randomUUID(), "user-1", "tenant-1", null, Clock.systemUTC().instant(), Map.of());
      store.enqueue(request);
      out.add(request);
    }
    return out;
  }

  @Test
  void tenOneSecondJobsOfOneBatchAllFinishWithinTwoSeconds() throws Exception {
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> {
      Thread.sleep(1_000);
      return job.n();
    });
    StreamProcessor processor = processor(store, route, ProcessorSettings.DEFAULT_CONCURRENCY);
    List<AsyncRequest> warmUp = enqueue(1); // class loading and JIT of the first job are not what is measured
    processor.process(stream.await(1), () -> 300_000);
    assertEquals(RequestStatus.COMPLETED, store.get(warmUp.get(0).requestId()).orElseThrow().status());

    List<AsyncRequest> requests = enqueue(EventSourceMapping.DEFAULT.batchSize());
    DynamodbEvent batch = inserts(requests.size());
    assertEquals(10, batch.getRecords().size(), "one batch of the template's size");

    long start = System.nanoTime();
    StreamsEventResponse response = processor.process(batch, () -> 300_000);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertTrue(response.getBatchItemFailures().isEmpty());
    assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "ten 1 s jobs took " + took);
    for (AsyncRequest request : requests) {
      assertEquals(RequestStatus.COMPLETED, store.get(request.requestId()).orElseThrow().status());
      assertEquals(1, replies.to(request.connectionId()).size(), "one result each");
    }
  }

  @Test
  void noMoreJobsRunAtOnceThanTheConcurrencySetting() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      Thread.sleep(200);
      running.decrementAndGet();
      return job.n();
    });
    List<AsyncRequest> requests = enqueue(8);
    StreamsEventResponse response = processor(store, route, 3).process(stream.await(8), () -> 300_000);
    assertTrue(response.getBatchItemFailures().isEmpty());
    assertEquals(3, most.get());
    assertEquals(8, route.invocations());
    for (AsyncRequest request : requests) {
      assertEquals(RequestStatus.COMPLETED, store.get(request.requestId()).orElseThrow().status());
    }
  }

  @Test
  void everyRecordWhoseOutcomeCouldNotBeRecordedIsReported() throws Exception {
    List<AsyncRequest> requests = enqueue(5);
    Set<String> unrecordable = Set.of(requests.get(1).requestId(), requests.get(3).requestId());
    DynamoRequestStore flaky = new DynamoRequestStore(failingCompletions(client, unrecordable), tables.requests(),
        Clock.systemUTC(), Duration.ofDays(7), 2);
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> {
      Thread.sleep(100 * (5 - job.n())); // later records finish first
      return job.n();
    });
    DynamodbEvent batch = stream.await(5);
    StreamsEventResponse response = processor(flaky, route, 5).process(batch, () -> 300_000);

    List<String> reported = response.getBatchItemFailures().stream()
        .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList();
    assertEquals(List.of(batch.getRecords().get(1).getDynamodb().getSequenceNumber(),
        batch.getRecords().get(3).getDynamodb().getSequenceNumber()), reported);
    assertEquals(5, route.invocations());
    for (int i = 0; i < 5; i++) {
      RequestStatus expected = i == 1 || i == 3 ? RequestStatus.PROCESSING : RequestStatus.COMPLETED;
      assertEquals(expected, store.get(requests.get(i).requestId()).orElseThrow().status(), "request " + i);
    }
  }

  /** The next {@code count} INSERT records (the warm-up's MODIFY records are skipped). */
  private DynamodbEvent inserts(int count) throws InterruptedException {
    List<DynamodbEvent.DynamodbStreamRecord> out = new ArrayList<>();
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (out.size() < count && System.nanoTime() < end) {
      stream.await(1).getRecords().stream().filter(r -> r.getEventName().equals("INSERT")).forEach(out::add);
    }
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(out);
    return event;
  }

  /** {@code real}, except that completing one of {@code requestIds} fails as if DynamoDB were unreachable. */
  private static DynamoDbClient failingCompletions(DynamoDbClient real, Set<String> requestIds) {
    Map<String, Boolean> ids = new ConcurrentHashMap<>();
    requestIds.forEach(id -> ids.put(id, true));
    return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("updateItem") && args != null && args[0] instanceof UpdateItemRequest u
              && ids.containsKey(u.key().get("requestId").s()) && u.updateExpression().contains("#result")) {
            throw SdkClientException.create("connection refused (simulated)");
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
