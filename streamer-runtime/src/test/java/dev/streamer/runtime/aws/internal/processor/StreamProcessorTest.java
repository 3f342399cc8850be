package dev.streamer.runtime.aws.internal.processor;

import dev.streamer.core.protocol.CancelOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.streamer.core.FatalException;
import dev.streamer.core.RetryableException;
import dev.streamer.runtime.aws.DirectProgress;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.JobRoute;
import dev.streamer.runtime.aws.internal.connections.MessageSender;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogLevel;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.routing.AsyncRequest;
import dev.streamer.core.routing.RouteExecutor;
import dev.streamer.core.routing.RouteTables;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The processor against DynamoDB Local, fed with the table's real stream records. */
class StreamProcessorTest extends ProcessorOnDynamoDbLocal {

  private static final LongSupplier FIVE_MINUTES = () -> 300_000;
  private static final Duration BASE_DELAY = Duration.ofSeconds(5);

  private final List<String> logLines = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  protected String tablePrefix() {
    return "processor";
  }

  private StreamProcessor processor(JobRoute route, Duration timeoutBuffer) {
    // deterministic backoff: always the full ceiling, so retryAfter is known
    ProcessorSettings settings = new ProcessorSettings(timeoutBuffer,
        new Backoff(BASE_DELAY, Duration.ofMinutes(1), bound -> bound), Duration.ofMinutes(2), 100);
    JsonLog log = new JsonLog("test", LogLevel.DEBUG, logLines::add, clock);
    Metrics metrics = new Metrics("Streamer", "test", logLines::add, clock);
    return new StreamProcessor(store, RouteTables.of("test", route), new RouteExecutor(List.of()),
        DirectProgress.factory(store, replies), replies, settings, log, metrics, workers);
  }

  private StreamProcessor processor(JobRoute route) {
    return processor(route, Duration.ofSeconds(1));
  }

  private AsyncRequest enqueue(String payload) {
    AsyncRequest request = new AsyncRequest(UUID.randomUUID().toString(), "c-7", "job", payload,
        "conn-" + UUID.randomUUID(), "user-1", "tenant-1", "Root=1-5759e988-bd862e3fe1be46a994272793",
        clock.instant(), Map.of());
    store.enqueue(request);
    return request;
  }

  private RequestRecord stored(AsyncRequest request) {
    return store.get(request.requestId()).orElseThrow();
  }

  @Test
  void runsQueuedRequestOnceEvenWhenDeliveredTwice() throws Exception {
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> {
      progress.report(0.5, "half");
      return job.n() * 2;
    });
    StreamProcessor processor = processor(route);
    AsyncRequest request = enqueue("{\"n\":21}");
    DynamodbEvent insert = stream.await(1);
    assertEquals("INSERT", insert.getRecords().get(0).getEventName());

    assertTrue(processor.process(insert, FIVE_MINUTES).getBatchItemFailures().isEmpty());
    assertTrue(processor.process(insert, FIVE_MINUTES).getBatchItemFailures().isEmpty()); // redelivery
    // the claim and the completion produced MODIFY records: delivering them runs nothing either
    DynamodbEvent modifies = stream.await(2);
    assertTrue(processor.process(modifies, FIVE_MINUTES).getBatchItemFailures().isEmpty());

    assertEquals(1, route.invocations());
    RequestRecord done = stored(request);
    assertEquals(RequestStatus.COMPLETED, done.status());
    assertEquals("{\"n\":42,\"done\":true}", done.result());
    assertEquals(1, done.attempts());
    assertEquals(1.0, done.progress(), "COMPLETED means progress 1");
    assertEquals("half", done.progressMessage());
    List<String> received = replies.to(request.connectionId());
    assertEquals(2, received.size());
    assertTrue(received.get(0).contains("\"type\":\"progress\""));
    assertEquals("{\"type\":\"result\",\"id\":\"c-7\",\"requestId\":\"" + request.requestId()
        + "\",\"success\":true,\"data\":{\"n\":42,\"done\":true}}", received.get(1));

    var ctx = route.lastContext();
    assertEquals(request.requestId(), ctx.requestId());
    assertEquals("c-7", ctx.clientId());
    assertEquals("user-1", ctx.userId());
    assertEquals("tenant-1", ctx.tenantId());
    assertEquals(request.connectionId(), ctx.connectionId());
    assertEquals("Root=1-5759e988-bd862e3fe1be46a994272793", ctx.traceId());
    assertEquals(clock.instant().plus(Duration.ofMinutes(5)).minusSeconds(1), ctx.deadline());
    assertTrue(logLines.stream().anyMatch(l -> l.contains("\"RequestCompleted\":1")));
  }

  @Test
  void retryThenSuccess() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> {
      if (calls.incrementAndGet() == 1) {
        throw new RetryableException("upstream busy");
      }
      return job.n();
    });
    StreamProcessor processor = processor(route);
    Sweeper sweeper = new Sweeper(store, replies, settingsOf(), new JsonLog("t", LogLevel.INFO, l -> {}, clock),
        new Metrics("S", "t", l -> {}, clock));
    AsyncRequest request = enqueue("{\"n\":3}");

    assertTrue(processor.process(stream.await(1), FIVE_MINUTES).getBatchItemFailures().isEmpty());
    RequestRecord pending = stored(request);
    assertEquals(RequestStatus.PENDING, pending.status());
    assertEquals(1, pending.retryCount());
    assertEquals(clock.instant().plus(BASE_DELAY), pending.retryAfter());
    assertEquals("SERVICE_UNAVAILABLE", pending.errorCode());
    assertEquals("upstream busy", pending.errorMessage());
    assertEquals(List.of(), replies.to(request.connectionId()), "a scheduled retry is not a final outcome");

    // claim + retry MODIFY records: the last one is PENDING but not due yet, so nothing runs
    processor.process(stream.await(2), FIVE_MINUTES);
    assertEquals(1, route.invocations());
    assertEquals(0, sweeper.sweep().redriven());

    clock.advance(BASE_DELAY);
    assertEquals(1, sweeper.sweep().redriven());
    DynamodbEvent redrive = stream.await(1);
    assertTrue(processor.process(redrive, FIVE_MINUTES).getBatchItemFailures().isEmpty());
    RequestRecord done = stored(request);
    assertEquals(RequestStatus.COMPLETED, done.status());
    assertEquals(2, done.attempts());
    assertEquals(2, route.invocations());
    assertEquals(1, replies.to(request.connectionId()).size());
  }

  @Test
  void retriesExhaustedFail() throws Exception {
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> {
      throw new RetryableException("still busy");
    });
    StreamProcessor processor = processor(route);
    Sweeper sweeper = new Sweeper(store, replies, settingsOf(), new JsonLog("t", LogLevel.INFO, l -> {}, clock),
        new Metrics("S", "t", l -> {}, clock));
    AsyncRequest request = enqueue("{\"n\":1}");
    processor.process(stream.await(1), FIVE_MINUTES);
    for (int retry = 1; retry <= 2; retry++) { // maxRetries is 2 in this test
      clock.advance(Duration.ofMinutes(1));
      assertEquals(1, sweeper.sweep().redriven());
      // the previous attempt's claim and retry records (not due: nothing runs), then the sweeper's redrive
      StreamsEventResponse response = processor.process(stream.await(3), FIVE_MINUTES);
      assertTrue(response.getBatchItemFailures().isEmpty(), "a job's failure is never a batch failure");
    }
    RequestRecord failed = stored(request);
    assertEquals(RequestStatus.FAILED, failed.status());
    assertEquals(3, failed.attempts());
    assertEquals(2, failed.retryCount());
    assertEquals(3, route.invocations());
    List<String> received = replies.to(request.connectionId());
    assertEquals(1, received.size());
    String error = received.get(0);
    assertTrue(error.contains("\"code\":\"SERVICE_UNAVAILABLE\""), error);
    assertTrue(error.contains("\"retry\":{\"retryable\":false,\"maxTries\":3,\"attempt\":3}"), error);
  }

  @Test
  void fatalAndInvalidPayloadsFailAtOnce() throws Exception {
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> {
      throw new FatalException(ErrorCode.FORBIDDEN, "not allowed for this account");
    });
    StreamProcessor processor = processor(route);
    AsyncRequest fatal = enqueue("{\"n\":1}");
    AsyncRequest invalid = enqueue("{\"n\":-1}");
    AsyncRequest undecodable = enqueue("{\"n\":\"x\"}");
    AsyncRequest unknown = new AsyncRequest("unknown-" + UUID.randomUUID(), null, "removed_action", "null",
        "conn-u", null, null, null, clock.instant(), null);
    store.enqueue(unknown);

    StreamsEventResponse response = processor.process(stream.await(4), FIVE_MINUTES);
    assertTrue(response.getBatchItemFailures().isEmpty());
    assertEquals(1, route.invocations(), "only the valid payload reached the action");
    assertFailed(fatal, "FORBIDDEN", "not allowed for this account");
    assertFailed(invalid, "VALIDATION_ERROR", null);
    assertFailed(undecodable, "VALIDATION_ERROR", null);
    assertEquals(RequestStatus.FAILED, stored(unknown).status());
    assertEquals("INVALID_ACTION", stored(unknown).errorCode());
    assertTrue(replies.to(invalid.connectionId()).get(0).contains("\"constraint\":\"Min\""));
  }

  @Test
  void internalErrorsReachTheLogButNeverTheClient() throws Exception {
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> {
      throw new IllegalStateException("jdbc:postgresql://db.internal password=hunter2");
    });
    AsyncRequest request = enqueue("{\"n\":1}");
    processor(route).process(stream.await(1), FIVE_MINUTES);

    assertFailed(request, "INTERNAL_ERROR", "internal error");
    String reply = replies.to(request.connectionId()).get(0);
    assertFalse(reply.contains("hunter2") || reply.contains("IllegalStateException"), reply);
    var failedLine = logLines.stream().filter(l -> l.contains("\"message\":\"request failed\"")).toList();
    assertEquals(1, failedLine.size(), logLines.toString());
    assertTrue(failedLine.get(0).contains("\"level\":\"ERROR\""), failedLine.get(0));
    assertTrue(failedLine.get(0).contains("\"type\":\"java.lang.IllegalStateException\""), failedLine.get(0));
    assertTrue(failedLine.get(0).contains("\"requestId\":\"" + request.requestId() + "\""), failedLine.get(0));
  }

  private void assertFailed(AsyncRequest request, String code, String message) {
    RequestRecord r = stored(request);
    assertEquals(RequestStatus.FAILED, r.status());
    assertEquals(code, r.errorCode());
    if (message != null) {
      assertEquals(message, r.errorMessage());
    }
    assertEquals(1, replies.to(request.connectionId()).size());
    assertTrue(replies.to(request.connectionId()).get(0).contains("\"code\":\"" + code + "\""));
  }

  @Test
  void resultThatCannotBeSentInOneMessageFails() throws Exception {
    JobRoute fits = new JobRoute("job", (job, ctx, progress) -> job.n()).withResultPadding(100 * 1024);
    AsyncRequest small = enqueue("{\"n\":1}");
    processor(fits).process(stream.await(1), FIVE_MINUTES);
    assertEquals(RequestStatus.COMPLETED, stored(small).status());
    String result = replies.to(small.connectionId()).get(0);
    assertTrue(result.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        <= dev.streamer.runtime.aws.internal.connections.ConnectionManager.MAX_MESSAGE_BYTES, "the result message fits");

    JobRoute tooBig = new JobRoute("job", (job, ctx, progress) -> job.n()).withResultPadding(130 * 1024);
    AsyncRequest big = enqueue("{\"n\":1}");
    assertTrue(processor(tooBig).process(stream.await(3), FIVE_MINUTES).getBatchItemFailures().isEmpty());
    assertEquals(1, tooBig.invocations());
    assertFailed(big, "INTERNAL_ERROR", "result too large");
    assertEquals(null, stored(big).result());
  }

  @Test
  void jobRunningPastRemainingTimeFailsWithTimeout() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> {
      never.await(); // interrupted when the processor gives up
      return 0;
    });
    // 2.5 s left, 1 s buffer: the job gets 1.5 s
    StreamProcessor processor = processor(route, Duration.ofSeconds(1));
    AsyncRequest request = enqueue("{\"n\":1}");
    assertTrue(processor.process(stream.await(1), () -> 2_500).getBatchItemFailures().isEmpty());
    RequestRecord failed = stored(request);
    assertEquals(RequestStatus.FAILED, failed.status());
    assertEquals("TIMEOUT", failed.errorCode());
    assertTrue(replies.to(request.connectionId()).get(0).contains("\"code\":\"TIMEOUT\""));
    assertTrue(route.lastContext().isCancelled(), "the job sees that it was stopped");
  }

  @Test
  void tooLittleTimeLeftLeavesTheRequestPendingForRedelivery() throws Exception {
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> job.n());
    StreamProcessor processor = processor(route, Duration.ofSeconds(1));
    AsyncRequest request = enqueue("{\"n\":4}");
    DynamodbEvent insert = stream.await(1);

    StreamsEventResponse response = processor.process(insert, () -> 2_000); // no more than twice the buffer
    assertEquals(1, response.getBatchItemFailures().size());
    assertEquals(insert.getRecords().get(0).getDynamodb().getSequenceNumber(),
        response.getBatchItemFailures().get(0).getItemIdentifier());
    assertEquals(0, route.invocations());
    RequestRecord untouched = stored(request);
    assertEquals(RequestStatus.PENDING, untouched.status());
    assertEquals(0, untouched.attempts());

    assertTrue(processor.process(insert, FIVE_MINUTES).getBatchItemFailures().isEmpty()); // Lambda's redelivery
    assertEquals(RequestStatus.COMPLETED, stored(request).status());
  }

  @Test
  void unexpectedErrorSkipsOnlyItsRecord() throws Exception {
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> job.n());
    java.util.concurrent.atomic.AtomicReference<String> broken = new java.util.concurrent.atomic.AtomicReference<>();
    JobProgressFactory direct = DirectProgress.factory(store, replies);
    JobProgressFactory failingOnce = (claimed, lease) -> {
      if (claimed.requestId().equals(broken.get())) {
        throw new IllegalStateException("bug in a reporter");
      }
      return direct.open(claimed, lease);
    };
    StreamProcessor processor = new StreamProcessor(store, RouteTables.of("test", route),
        new RouteExecutor(List.of()), failingOnce, replies, settingsOf(),
        new JsonLog("t", LogLevel.INFO, logLines::add, clock), new Metrics("S", "t", l -> {}, clock), workers);
    AsyncRequest first = enqueue("{\"n\":1}");
    AsyncRequest second = enqueue("{\"n\":2}");
    broken.set(first.requestId());

    assertTrue(processor.process(stream.await(2), FIVE_MINUTES).getBatchItemFailures().isEmpty(),
        "redelivering a record that fails the same way would block the shard");
    assertEquals(RequestStatus.PROCESSING, stored(first).status(), "left for the sweeper once its lease runs out");
    assertEquals(RequestStatus.COMPLETED, stored(second).status());
    assertTrue(logLines.stream().anyMatch(l -> l.contains("stream record skipped after an unexpected error")
        && l.contains("bug in a reporter")));
  }

  @Test
  void cancelledWhileQueuedNeverRuns() throws Exception {
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> 1);
    AsyncRequest request = enqueue("{\"n\":1}");
    assertEquals(CancelOutcome.CANCELLED, store.cancel(request.requestId()).outcome());
    processor(route).process(stream.await(2), FIVE_MINUTES);
    assertEquals(0, route.invocations());
    assertEquals(RequestStatus.CANCELLED, stored(request).status());
  }

  @Test
  void runningJobSeesCancellation() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> {
      started.countDown();
      for (int i = 0; i < 10_000 && !ctx.isCancelled(); i++) {
        progress.report(i / 10_000.0, null);
        Thread.sleep(5);
      }
      if (ctx.isCancelled()) {
        throw new FatalException(ErrorCode.CANCELLED, "stopped");
      }
      return 1;
    });
    StreamProcessor processor = processor(route);
    AsyncRequest request = enqueue("{\"n\":1}");
    DynamodbEvent insert = stream.await(1);
    CompletableFuture<StreamsEventResponse> run =
        CompletableFuture.supplyAsync(() -> processor.process(insert, FIVE_MINUTES), workers);
    assertTrue(started.await(30, TimeUnit.SECONDS));
    assertEquals(CancelOutcome.CANCEL_REQUESTED, store.cancel(request.requestId()).outcome());
    assertTrue(run.get(60, TimeUnit.SECONDS).getBatchItemFailures().isEmpty());
    assertEquals(RequestStatus.CANCELLED, stored(request).status());
    List<String> received = replies.to(request.connectionId());
    assertTrue(received.get(received.size() - 1).contains("\"code\":\"CANCELLED\""), "the final message is last");
  }

  @Test
  void runningJobSeesCancellationWithoutReportingProgress() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> {
      long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      started.countDown();
      while (!ctx.isCancelled()) {
        if (System.nanoTime() > giveUp) {
          return -1; // never told
        }
        Thread.sleep(5);
      }
      throw new FatalException(ErrorCode.CANCELLED, "stopped");
    });
    java.util.concurrent.ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      JsonLog log = new JsonLog("t", LogLevel.INFO, logLines::add, clock);
      Metrics metrics = new Metrics("S", "t", l -> {}, clock);
      StreamProcessor processor = new StreamProcessor(store, RouteTables.of("test", route),
          new RouteExecutor(List.of()),
          BatchedJobProgress.factory(store, replies, Duration.ofMillis(200), scheduler, log, metrics), replies,
          settingsOf(), log, metrics, workers);
      AsyncRequest request = enqueue("{\"n\":1}");
      DynamodbEvent insert = stream.await(1);
      CompletableFuture<StreamsEventResponse> run =
          CompletableFuture.supplyAsync(() -> processor.process(insert, FIVE_MINUTES), workers);
      assertTrue(started.await(30, TimeUnit.SECONDS));
      assertEquals(CancelOutcome.CANCEL_REQUESTED, store.cancel(request.requestId()).outcome());
      clock.advance(Duration.ofMillis(200)); // the next isCancelled() may read the item again
      assertTrue(run.get(90, TimeUnit.SECONDS).getBatchItemFailures().isEmpty());
      assertEquals(RequestStatus.CANCELLED, stored(request).status());
      assertTrue(replies.to(request.connectionId()).get(0).contains("\"code\":\"CANCELLED\""));
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void finalMessageGoesToTheCurrentConnection() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch attached = new CountDownLatch(1);
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> {
      started.countDown();
      assertTrue(attached.await(30, TimeUnit.SECONDS));
      return 5;
    });
    StreamProcessor processor = processor(route);
    AsyncRequest request = enqueue("{\"n\":1}");
    DynamodbEvent insert = stream.await(1);
    CompletableFuture<StreamsEventResponse> run =
        CompletableFuture.supplyAsync(() -> processor.process(insert, FIVE_MINUTES), workers);
    assertTrue(started.await(30, TimeUnit.SECONDS));
    store.attach(request.requestId(), "conn-after-reconnect").orElseThrow();
    attached.countDown();
    run.get(60, TimeUnit.SECONDS);
    assertEquals(List.of(), replies.to(request.connectionId()));
    assertEquals(1, replies.to("conn-after-reconnect").size());
    assertTrue(replies.to("conn-after-reconnect").get(0).contains("\"type\":\"result\""));
  }

  @Test
  void goneConnectionNeverFailsTheJob() throws Exception {
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> 1);
    MessageSender failing = (connection, message) -> {
      throw new IllegalStateException("connection manager exploded");
    };
    ProcessorSettings settings = settingsOf();
    StreamProcessor processor = new StreamProcessor(store, RouteTables.of("test", route),
        new RouteExecutor(List.of()), DirectProgress.factory(store, (c, m) -> false), failing, settings,
        new JsonLog("t", LogLevel.INFO, l -> {}, clock), new Metrics("S", "t", l -> {}, clock), workers);
    AsyncRequest request = enqueue("{\"n\":1}");
    assertTrue(processor.process(stream.await(1), FIVE_MINUTES).getBatchItemFailures().isEmpty());
    assertEquals(RequestStatus.COMPLETED, stored(request).status());
  }

  @Test
  void expiredLeaseIsRecoveredBySweeperAndRunsAgain() throws Exception {
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> 9);
    StreamProcessor processor = processor(route);
    Sweeper sweeper = new Sweeper(store, replies, settingsOf(), new JsonLog("t", LogLevel.INFO, l -> {}, clock),
        new Metrics("S", "t", l -> {}, clock));
    AsyncRequest request = enqueue("{\"n\":1}");
    stream.await(1);
    // a worker claims it and dies without a trace
    RequestRecord crashed = store.claim(request.requestId(), Duration.ofSeconds(30)).orElseThrow();
    stream.await(1);
    assertEquals(0, sweeper.sweep().recovered(), "the lease is still valid");
    clock.advance(Duration.ofSeconds(31));
    assertEquals(1, sweeper.sweep().recovered());
    RequestRecord recovered = stored(request);
    assertEquals(RequestStatus.PENDING, recovered.status());
    assertEquals(1, recovered.retryCount());
    assertTrue(store.complete(request.requestId(), crashed.attempts(), "{}").isEmpty(), "the dead worker is fenced");
    processor.process(stream.await(1), FIVE_MINUTES);
    assertEquals(RequestStatus.COMPLETED, stored(request).status());
    assertEquals(1, route.invocations());
  }

  @Test
  void unreachableDynamoDbIsABatchItemFailure() throws Exception {
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> 1);
    enqueue("{\"n\":1}");
    enqueue("{\"n\":2}");
    DynamodbEvent event = stream.await(2);
    try (DynamoDbClient down = DynamoDbLocal.client(
        java.net.URI.create("http://localhost:" + DynamoDbLocal.closedPort()))) {
      DynamoRequestStore unreachable = new DynamoRequestStore(down, "t", clock, Duration.ofDays(7), 2);
      StreamProcessor processor = new StreamProcessor(unreachable, RouteTables.of("test", route),
          new RouteExecutor(List.of()), DirectProgress.factory(unreachable, replies), replies, settingsOf(),
          new JsonLog("t", LogLevel.INFO, l -> {}, clock), new Metrics("S", "t", l -> {}, clock), workers);
      StreamsEventResponse response = processor.process(event, FIVE_MINUTES);
      assertEquals(event.getRecords().stream().map(r -> r.getDynamodb().getSequenceNumber()).toList(),
          response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
              .toList(), "every record left unprocessed is reported, lowest first");
    }
    assertEquals(0, route.invocations());
  }

  private ProcessorSettings settingsOf() {
    return new ProcessorSettings(Duration.ofSeconds(1), new Backoff(BASE_DELAY, Duration.ofMinutes(1), b -> b),
        Duration.ofMinutes(2), 100);
  }

  @Test
  void ignoresRemoveRecordsAndForeignItems() {
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> 1);
    DynamodbEvent.DynamodbStreamRecord remove = new DynamodbEvent.DynamodbStreamRecord();
    remove.setEventName("REMOVE");
    DynamodbEvent.DynamodbStreamRecord foreign = new DynamodbEvent.DynamodbStreamRecord();
    foreign.setEventName("INSERT");
    var data = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord();
    data.setSequenceNumber("1");
    var value = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
    value.setS("x");
    data.setNewImage(Map.of("somethingElse", value));
    foreign.setDynamodb(data);
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(List.of(remove, foreign));
    StreamsEventResponse response = processor(route).process(event, FIVE_MINUTES);
    assertNotNull(response.getBatchItemFailures());
    assertTrue(response.getBatchItemFailures().isEmpty());
    assertFalse(logLines.isEmpty(), "the malformed record is logged");
  }
}
