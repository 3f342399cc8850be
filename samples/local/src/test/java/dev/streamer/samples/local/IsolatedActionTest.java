package dev.streamer.samples.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.client.StreamerClient;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.local.LocalStack;
import dev.streamer.runtime.aws.internal.processor.IsolatedExecution;
import dev.streamer.samples.SampleWorkerHandler;
import java.util.concurrent.atomic.AtomicInteger;
import dev.streamer.runtime.aws.internal.requests.RequestItemCodec;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample's isolated action ({@code export_records}, estimated 10 minutes) on a local stack whose requests stream is
 * read by one lane with batches of one record, so that anything the processor ran itself would hold up the record
 * after it: the export runs in the worker function on a thread of its own, a short job queued after it finishes
 * first; a worker that dies is re-run from its stored progress once its lease is taken back; a dispatch whose worker
 * never starts is re-driven after the dispatch timeout; a duplicate delivery of the worker's event runs nothing. The stack runs on its own clock, which the crash test moves.
 */
class IsolatedActionTest {

  private static final String SHORT_REPORT =
      "{\"startDate\":\"2024-01-01\",\"endDate\":\"2024-01-02\",\"recordCount\":1}";
  private static LocalStack stack;

  @BeforeAll
  static void start() {
    stack = SampleStack.builder().banner(null).console(false).lanes(1).batchSize(1).start();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  private static StreamerClient client(String user, BlockingQueue<String> messages) throws Exception {
    StreamerClient client = StreamerClient.builder(stack.webSocketUri())
        .token(stack.mintToken(user, "dev-tenant", Duration.ofHours(1)))
        .requestTimeout(Duration.ofMinutes(5))
        .messageListener(messages::add)
        .build();
    client.connect().get(30, TimeUnit.SECONDS);
    return client;
  }

  private static String waitFor(BlockingQueue<String> messages, String requestId, String type, Duration within)
      throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < end) {
      String message = messages.poll(100, TimeUnit.MILLISECONDS);
      if (message != null && requestId.equals(Frames.fields(message).get("requestId"))
          && type.equals(Frames.fields(message).get("type"))) {
        return message;
      }
    }
    throw new AssertionError("no " + type + " of " + requestId + " within " + within);
  }

  private static RequestRecord stored(String requestId) {
    return RequestItemCodec.fromItem(stack.dynamoDb().getItem(b -> b.tableName(stack.tables().requests())
        .key(Map.of("requestId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(requestId)))
        .consistentRead(true)).item());
  }

  @Test
  void aTenMinuteIsolatedActionNeverBlocksTheShardAShortJobQueuedAfterItFinishesFirst() throws Exception {
    BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    try (StreamerClient client = client("isolated-user", messages)) {
      // 10,000 steps of the sample's 50 ms: over eight minutes, until the test cancels it
      List<String> exportAck = new ArrayList<>();
      CompletableFuture<String> export = client.request("export_records",
          "{\"dataset\":\"orders\",\"rows\":10000000}", new dev.streamer.client.RequestListener() {
            @Override
            public void onAck(String requestId) {
              exportAck.add(requestId);
            }
          }, Duration.ofMinutes(15));
      String exportId = Frames.fields(waitFor(messages, anyId(messages, exportAck), "progress",
          Duration.ofSeconds(60))).get("requestId");
      assertEquals(RequestStatus.PROCESSING, stored(exportId).status(), "the export runs, in a worker");

      long start = System.nanoTime();
      String report = client.request("generate_report", SHORT_REPORT).get(60, TimeUnit.SECONDS);
      Duration shortTook = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(report.contains("\"recordCount\":1"), report);
      assertTrue(!export.isDone(), "the short job queued after the export finished first");
      assertEquals(RequestStatus.PROCESSING, stored(exportId).status(), "the export still runs");
      assertTrue(shortTook.compareTo(Duration.ofSeconds(30)) < 0, "not held up by the export: " + shortTook);

      // the test releases the long job: cancelled while running in its worker
      String cancel = client.request("cancel", "{\"requestId\":\"" + exportId + "\"}").get(30, TimeUnit.SECONDS);
      assertEquals("CANCEL_REQUESTED", Frames.fields(cancel).get("outcome"), cancel);
      Throwable cancelled = export.handle((r, e) -> e).get(60, TimeUnit.SECONDS);
      assertTrue(cancelled != null && String.valueOf(cancelled).contains("CANCELLED"), String.valueOf(cancelled));
      assertEquals(RequestStatus.CANCELLED, stored(exportId).status());
    }
  }

  /** The request id the acknowledgment carried, once it arrived (the listener runs on the client's thread). */
  private static String anyId(BlockingQueue<String> messages, List<String> acks) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (acks.isEmpty() && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertTrue(!acks.isEmpty(), "acknowledged");
    return acks.get(0);
  }

  @Test
  void aDeadWorkersJobIsRerunFromItsStoredProgressWithin90Seconds() throws Exception {
    BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    String user = "isolated-crash-user";
    try (StreamerClient client = client(user, messages)) {
      // a worker claimed the export (attempt 1), reported 30 % and died: nothing renews its 60 s lease
      String requestId = UUID.randomUUID().toString();
      Instant now = stack.clock().instant();
      RequestRecord crashed = new RequestRecord(requestId, RequestStatus.PROCESSING, "export_records",
          "{\"dataset\":\"orders\",\"rows\":5000}", "c-crash", user, "dev-tenant", "gone-connection=", null,
          Map.of(), now, now.plus(Duration.ofDays(1)).getEpochSecond(), 0, 3, null, 1, now, null,
          now.plus(Duration.ofSeconds(60)), 0.3, "part one", null, null, null, false);
      stack.dynamoDb().putItem(b -> b.tableName(stack.tables().requests()).item(RequestItemCodec.toItem(crashed)));
      String subscribed = client.request("subscribe", "{\"requestId\":\"" + requestId + "\"}")
          .get(30, TimeUnit.SECONDS);
      assertEquals("PROCESSING", Frames.fields(subscribed).get("status"), subscribed);

      // on the stack's clock: the lease runs out 60 s after the last renewal, and the next sweep (every 20 s)
      // takes the job back; 61 s later one sweep is due
      Duration sinceDeath = Duration.ofSeconds(61);
      stack.advance(sinceDeath);
      assertTrue(stack.sweep().contains("\"recovered\":1"), "the sweeper took the expired lease back");

      String result = waitFor(messages, requestId, "result", Duration.ofSeconds(60));
      assertEquals("2", Frames.fields(result, "data").get("attempt"), "re-run as attempt 2, in a worker");
      assertTrue(sinceDeath.plus(stack.sweepInterval()).compareTo(Duration.ofSeconds(90)) <= 0,
          "lease + sweep interval within 90 s");
      RequestRecord done = stored(requestId);
      assertEquals(RequestStatus.COMPLETED, done.status());
      assertEquals(1, done.retryCount(), "the crash used one retry");
      assertTrue(messages.stream().filter(m -> requestId.equals(Frames.fields(m).get("requestId"))
          && "progress".equals(Frames.fields(m).get("type")))
          .allMatch(m -> Double.parseDouble(Frames.fields(m).get("progress")) >= 0.3), "never below the stored 30 %");
    }
  }

  @Test
  void aDispatchWhoseWorkerNeverStartsIsReDrivenWithin90Seconds() throws Exception {
    // Lambda accepts the first invocation and then loses it: the worker never starts
    AtomicInteger deliveries = new AtomicInteger();
    try (LocalStack lossy = SampleStack.builder().banner(null).console(false)
        .worker(runtime -> {
          SampleWorkerHandler worker = new SampleWorkerHandler(runtime);
          return (event, context) -> deliveries.incrementAndGet() == 1 ? "{\"lost\":true}"
              : worker.handleRequest(event, context);
        })
        .start();
        StreamerClient client = StreamerClient.builder(lossy.webSocketUri()).token(lossy.devToken())
            .requestTimeout(Duration.ofMinutes(5)).build()) {
      client.connect().get(30, TimeUnit.SECONDS);
      List<String> acks = new ArrayList<>();
      CompletableFuture<String> export = client.request("export_records", "{\"dataset\":\"orders\",\"rows\":2000}",
          new dev.streamer.client.RequestListener() {
            @Override
            public void onAck(String requestId) {
              acks.add(requestId);
            }
          }, Duration.ofMinutes(2));
      anyId(new LinkedBlockingQueue<>(), acks);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (deliveries.get() < 1 && System.nanoTime() < end) {
        Thread.sleep(10);
      }
      assertEquals(1, deliveries.get(), "dispatched once, and lost");
      Thread.sleep(300);
      assertTrue(!export.isDone(), "nothing ran");

      // on the stack's clock: the dispatch timeout (60 s) passes, and the next sweep (every 20 s) re-drives it
      Duration sinceDispatch = IsolatedExecution.DISPATCH_TIMEOUT.plusSeconds(1);
      lossy.advance(sinceDispatch);
      assertTrue(lossy.sweep().contains("\"redriven\":1"), "the sweeper re-drove the unclaimed dispatch");
      String result = export.get(60, TimeUnit.SECONDS);
      assertEquals("1", Frames.fields(result).get("attempt"), "its first run: " + result);
      assertEquals(2, deliveries.get(), "dispatched again, and run");
      assertTrue(sinceDispatch.plus(lossy.sweepInterval()).compareTo(Duration.ofSeconds(90)) <= 0,
          "dispatch timeout + sweep interval within 90 s");
    }
  }

  @Test
  void aDuplicateDeliveryOfTheWorkersEventRunsNothingOneResult() throws Exception {
    BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    ExecutorService lambda = Executors.newFixedThreadPool(3);
    try (StreamerClient client = client("isolated-dup-user", messages)) {
      List<String> acks = new ArrayList<>();
      CompletableFuture<String> export = client.request("export_records", "{\"dataset\":\"orders\",\"rows\":3000}",
          new dev.streamer.client.RequestListener() {
            @Override
            public void onAck(String requestId) {
              acks.add(requestId);
            }
          }, Duration.ofMinutes(2));
      String requestId = anyId(messages, acks);
      // Lambda delivers the worker's event three more times, at once, beside the processor's own dispatch
      List<Future<String>> duplicates = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        duplicates.add(lambda.submit(() -> stack.invokeWorker(Map.of("requestId", requestId, "attempt", 0))));
      }
      String result = export.get(60, TimeUnit.SECONDS);
      assertEquals("1", Frames.fields(result).get("attempt"), "one run, the first attempt: " + result);
      for (Future<String> duplicate : duplicates) {
        duplicate.get(60, TimeUnit.SECONDS);
      }
      Thread.sleep(500); // a second result would have arrived by now
      long results = messages.stream().filter(m -> requestId.equals(Frames.fields(m).get("requestId"))
          && "result".equals(Frames.fields(m).get("type"))).count();
      assertEquals(1, results, "one result");
      assertEquals(1, stored(requestId).attempts(), "claimed once");
    } finally {
      lambda.shutdownNow();
    }
  }
}
