package dev.streamer.runtime.aws.internal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.core.routing.AsyncRequest;
import dev.streamer.core.routing.RouteExecutor;
import dev.streamer.core.routing.RouteTables;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What a job costs in DynamoDB writes after its enqueue, counted at the SDK client with the production reporter. */
class WritesPerJobTest {

  private static final Duration INTERVAL = Duration.ofMillis(500);

  private DynamoDbClient client;
  private StreamRecords stream;
  private DynamoRequestStore store;
  private final AtomicInteger writes = new AtomicInteger();
  private RecordingReplies replies;
  private ExecutorService workers;
  private ScheduledExecutorService scheduler;

  @BeforeEach
  void setUp() {
    client = DynamoDbLocal.client();
    TableNames tables = DynamoDbLocal.createTables("writes");
    stream = new StreamRecords(client, tables.requests());
    store = new DynamoRequestStore(counting(client), tables.requests(), Clock.systemUTC(), Duration.ofDays(7), 2);
    replies = new RecordingReplies();
    workers = Executors.newCachedThreadPool();
    scheduler = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterEach
  void tearDown() {
    workers.shutdownNow();
    scheduler.shutdownNow();
    stream.close();
    client.close();
  }

  private DynamoDbClient counting(DynamoDbClient real) {
    return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (List.of("putItem", "updateItem", "deleteItem").contains(method.getName())) {
            writes.incrementAndGet();
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private AsyncRequest runOne(JobRoute route) throws Exception {
    JsonLog log = new JsonLog("test", LogLevel.WARN, l -> {}, Clock.systemUTC());
    Metrics metrics = new Metrics("Streamer", "test", l -> {}, Clock.systemUTC());
    StreamProcessor processor = new StreamProcessor(store, RouteTables.of("test", route),
        new RouteExecutor(List.of()), BatchedJobProgress.factory(store, replies, INTERVAL, scheduler, log, metrics),
        replies, ProcessorSettings.defaults(), log, metrics, workers);
    AsyncRequest request = new AsyncRequest(UUID.randomUUID().toString(), "c-1", "job", "{\"n\":1}",
        "conn-" + UUID.randomUUID(), "user-1", "tenant-1", null, Clock.systemUTC().instant(), Map.of());
    store.enqueue(request);
    var insert = stream.await(1);
    writes.set(0);
    assertTrue(processor.process(insert, () -> 300_000).getBatchItemFailures().isEmpty());
    assertEquals(RequestStatus.COMPLETED, store.get(request.requestId()).orElseThrow().status());
    return request;
  }

  @Test
  void aJobWithoutIntermediateProgressCostsAClaimAndACompletion() throws Exception {
    runOne(new JobRoute("job", (job, ctx, progress) -> job.n()));
    assertEquals(2, writes.get());
  }

  @Test
  void aFinalReportOfOneIsWrittenWithTheCompletion() throws Exception {
    // the sample's one-step report: its only report is 1.0, made just before it returns
    AsyncRequest request = runOne(new JobRoute("job", (job, ctx, progress) -> {
      progress.report(1.0, "Processed 1 of 1 records");
      return job.n();
    }));
    assertEquals(2, writes.get(), "claim, then the completion carrying the report");
    var done = store.get(request.requestId()).orElseThrow();
    assertEquals(1.0, done.progress());
    assertEquals("Processed 1 of 1 records", done.progressMessage());
    List<String> sent = replies.to(request.connectionId());
    assertEquals(2, sent.size(), sent.toString());
    assertTrue(sent.get(0).contains("\"progress\":1.0"), sent.get(0));
    assertTrue(sent.get(1).contains("\"type\":\"result\""), "the result arrives last");
  }

  @Test
  void anIntermediateReportThenOneCostsOneProgressWrite() throws Exception {
    AsyncRequest request = runOne(new JobRoute("job", (job, ctx, progress) -> {
      progress.report(0.5, "half");   // leading edge: written and sent at once
      Thread.sleep(100);
      progress.report(1.0, "done");   // held for the completion
      return job.n();
    }));
    assertEquals(3, writes.get(), "claim, the intermediate report, the completion carrying the last one");
    assertEquals("done", store.get(request.requestId()).orElseThrow().progressMessage());
  }

  @Test
  void theLastProgressReportIsWrittenWithTheCompletion() throws Exception {
    AsyncRequest request = runOne(new JobRoute("job", (job, ctx, progress) -> {
      progress.report(0.3, "started");   // leading edge: written and sent at once
      Thread.sleep(100);
      progress.report(0.9, "finishing"); // within the interval: pending when the job returns
      return job.n();
    }));
    assertEquals(3, writes.get(), "claim, the first report, the completion carrying the last one");
    var done = store.get(request.requestId()).orElseThrow();
    assertEquals(1.0, done.progress());
    assertEquals("finishing", done.progressMessage());
    List<String> sent = replies.to(request.connectionId());
    assertEquals(3, sent.size(), sent.toString());
    assertTrue(sent.get(0).contains("\"progress\":0.3"));
    assertTrue(sent.get(1).contains("\"progress\":0.9") && sent.get(1).contains("finishing"));
    assertTrue(sent.get(2).contains("\"type\":\"result\""), "the result arrives last");
  }
}
