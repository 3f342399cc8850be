package dev.streamer.runtime.aws.internal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.core.RequestContext;
import dev.streamer.core.RetryableException;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.core.routing.AsyncRequest;
import dev.streamer.core.routing.RouteExecutor;
import dev.streamer.core.routing.RouteTables;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.JobRoute;
import dev.streamer.runtime.aws.PausableProxy;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogLevel;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import dev.streamer.runtime.aws.tables.TableNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Short renewed leases, crash recovery and progress that never goes down across attempts, with the production
 * progress reporter, against DynamoDB Local's real stream. Time is a manual clock: "60 s later" costs nothing.
 */
class LeaseAndProgressTest extends ProcessorOnDynamoDbLocal {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LEASE = Duration.ofSeconds(60);

  private ScheduledExecutorService scheduler;

  @Override
  protected String tablePrefix() {
    return "lease";
  }

  @BeforeEach
  void startScheduler() {
    scheduler = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  private ProcessorSettings settings(Duration lease) {
    return new ProcessorSettings(Duration.ofSeconds(1), new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1),
        b -> b), Duration.ofMinutes(2), 100, 10, lease, SweepSchedule.DEFAULT_INTERVAL);
  }

  private StreamProcessor processor(JobRoute route, ProcessorSettings settings) {
    JsonLog log = new JsonLog("test", LogLevel.WARN, l -> {}, clock);
    Metrics metrics = new Metrics("Streamer", "test", l -> {}, clock);
    JobProgressFactory progress = BatchedJobProgress.factory(store, replies, Duration.ZERO, scheduler, log, metrics);
    return new StreamProcessor(store, RouteTables.of("test", route), new RouteExecutor(List.of()), progress, replies,
        settings, log, metrics, workers);
  }

  private Sweeper sweeper(ProcessorSettings settings) {
    return new Sweeper(store, replies, settings, new JsonLog("t", LogLevel.WARN, l -> {}, clock),
        new Metrics("S", "t", l -> {}, clock));
  }

  private AsyncRequest enqueue() {
    AsyncRequest request = new AsyncRequest(UUID.randomUUID().toString(), "c-1", "job", "{\"n\":1}",
        "conn-" + UUID.randomUUID(), "user-1", "tenant-1", null, clock.instant(), Map.of());
    store.enqueue(request);
    return request;
  }

  private RequestRecord stored(AsyncRequest request) {
    return store.get(request.requestId()).orElseThrow();
  }

  /** Feeds the stream to the processor until {@code done} (30 s at most). */
  private void processUntil(StreamProcessor processor, BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!done.getAsBoolean() && System.nanoTime() < end) {
      processor.process(stream.next(), () -> 300_000);
      Thread.sleep(10);
    }
    assertTrue(done.getAsBoolean(), "condition not reached");
  }

  private List<Double> progressSent(AsyncRequest request) throws Exception {
    List<Double> out = new ArrayList<>();
    for (String message : replies.to(request.connectionId())) {
      JsonNode node = JSON.readTree(message);
      if (node.get("type").asText().equals("progress")) {
        out.add(node.get("progress").asDouble());
      }
    }
    return out;
  }

  private long results(AsyncRequest request) {
    return replies.to(request.connectionId()).stream().filter(m -> m.contains("\"type\":\"result\"")).count();
  }

  @Test
  void theClaimTakesTheLeaseDurationNeverMoreThanTheInvocationHasLeft() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> {
      release.await(30, TimeUnit.SECONDS);
      return 1;
    });
    StreamProcessor processor = processor(route, settings(LEASE));
    AsyncRequest first = enqueue();
    var event = stream.await(1);
    CompletableFuture<?> running = CompletableFuture.runAsync(() -> processor.process(event, () -> 300_000));
    awaitStatus(first, RequestStatus.PROCESSING);
    assertEquals(clock.instant().plus(LEASE), stored(first).leaseExpiresAt(), "60 s, not the 5 minutes left");
    release.countDown();
    running.get(30, TimeUnit.SECONDS);

    AsyncRequest second = enqueue();
    CountDownLatch releaseSecond = new CountDownLatch(1);
    JobRoute waiting = new JobRoute("job", (job, ctx, progress) -> {
      releaseSecond.await(30, TimeUnit.SECONDS);
      return 1;
    });
    StreamProcessor shortOfTime = processor(waiting, settings(LEASE));
    var insert = stream.await(1);
    CompletableFuture<?> late = CompletableFuture.runAsync(() -> shortOfTime.process(insert, () -> 20_000));
    awaitStatus(second, RequestStatus.PROCESSING);
    assertEquals(clock.instant().plusSeconds(20), stored(second).leaseExpiresAt(), "cut at the invocation's end");
    releaseSecond.countDown();
    late.get(30, TimeUnit.SECONDS);
  }

  @Test
  void aHeartbeatRenewsTheLeaseOfAJobThatReportsNothing() throws Exception {
    Duration lease = Duration.ofSeconds(3); // heartbeat every second
    CountDownLatch release = new CountDownLatch(1);
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> {
      release.await(30, TimeUnit.SECONDS);
      return 1;
    });
    StreamProcessor processor = processor(route, settings(lease));
    AsyncRequest request = enqueue();
    var event = stream.await(1);
    CompletableFuture<?> running = CompletableFuture.runAsync(() -> processor.process(event, () -> 300_000));
    awaitStatus(request, RequestStatus.PROCESSING);
    var claimedUntil = stored(request).leaseExpiresAt();

    clock.advance(Duration.ofSeconds(2)); // two thirds of the lease without a write
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (stored(request).leaseExpiresAt().equals(claimedUntil) && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    assertEquals(clock.instant().plus(lease), stored(request).leaseExpiresAt(), "renewed from now");
    release.countDown();
    running.get(30, TimeUnit.SECONDS);
    assertEquals(RequestStatus.COMPLETED, stored(request).status());
  }

  @Test
  void aCrashedJobIsRerunFromItsStoredProgressWithMonotonicProgressAndOneResult() throws Exception {
    ProcessorSettings settings = settings(LEASE);
    List<RequestContext> contexts = new java.util.concurrent.CopyOnWriteArrayList<>();
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> {
      contexts.add(ctx);
      progress.report(0.2, "restarting"); // below what the crashed attempt stored: dropped
      progress.report(0.7, "most");
      return 1;
    });
    StreamProcessor processor = processor(route, settings);
    AsyncRequest request = enqueue();
    stream.await(1); // the INSERT: the worker that "crashes" is this test
    RequestRecord crashed = store.claim(request.requestId(), LEASE).orElseThrow();
    store.recordProgress(request.requestId(), crashed.attempts(), 0.4, "part one", clock.instant().plus(LEASE));

    assertTrue(settings.leaseDuration().plus(settings.sweepInterval()).compareTo(Duration.ofSeconds(90)) <= 0,
        "taken back within 90 s of the last renewal");
    clock.advance(settings.leaseDuration().plus(settings.sweepInterval()));
    assertEquals(1, sweeper(settings).sweep().recovered());
    processUntil(processor, () -> stored(request).status() == RequestStatus.COMPLETED);

    RequestRecord done = stored(request);
    assertEquals(1.0, done.progress());
    assertEquals(2, done.attempts());
    assertEquals(List.of(0.7), progressSent(request), "never below the stored 0.4");
    assertEquals(1, results(request));
    assertEquals(1, route.invocations());
    assertEquals(2, contexts.get(0).attempt());
    assertEquals(3, contexts.get(0).maxAttempts());
  }

  @Test
  void aRetryNeverLowersTheProgressOnTheWireOrInTheItem() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<Double> statusSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
    JobRoute route = new JobRoute("job", (job, ctx, progress) -> {
      if (calls.incrementAndGet() == 1) {
        progress.report(0.5, "halfway");
        Thread.sleep(100); // the report is flushed before the failure
        throw new RetryableException("upstream busy");
      }
      assertEquals(2, ctx.attempt());
      progress.report(0.1, "again from the start");
      Thread.sleep(100);
      statusSeen.add(store.get(ctx.requestId()).orElseThrow().progress());
      progress.report(0.8, "nearly");
      return 1;
    });
    ProcessorSettings settings = settings(LEASE);
    StreamProcessor processor = processor(route, settings);
    AsyncRequest request = enqueue();
    processUntil(processor, () -> stored(request).status() == RequestStatus.PENDING && calls.get() == 1);
    assertEquals(0.5, stored(request).progress());

    clock.advance(Duration.ofSeconds(5));
    assertEquals(1, sweeper(settings).sweep().redriven());
    processUntil(processor, () -> stored(request).status() == RequestStatus.COMPLETED);

    assertEquals(List.of(0.5), statusSeen, "the lower report was never written");
    List<Double> sent = progressSent(request);
    assertEquals(List.of(0.5, 0.8), sent);
    assertEquals(1.0, stored(request).progress());
    assertEquals(1, results(request));
  }

  @Test
  void aLowerProgressIsNeverWrittenButTheAttemptKeepsItsRequest() {
    AsyncRequest request = enqueue();
    int attempt = store.claim(request.requestId(), LEASE).orElseThrow().attempts();
    assertTrue(store.recordProgress(request.requestId(), attempt, 0.6, "six").isPresent());
    assertTrue(store.recordProgress(request.requestId(), attempt, 0.3, "three").isPresent(), "still its request");
    assertEquals(0.6, stored(request).progress());
    assertEquals("six", stored(request).progressMessage());
    assertTrue(store.recordProgress(request.requestId(), attempt + 1, 0.9, null).isEmpty(), "attempt guard");
  }

  @Test
  void oneScheduledInvocationSweepsEveryIntervalWhileTimeIsLeft() {
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    ProcessorSettings settings = new ProcessorSettings(Duration.ofSeconds(1), new Backoff(Duration.ofSeconds(5),
        Duration.ofMinutes(1)), Duration.ofMinutes(2), 100, 10, LEASE, Duration.ofMillis(100));
    Sweeper sweeper = new Sweeper(store, replies, settings, new JsonLog("t", LogLevel.INFO, lines::add, clock),
        new Metrics("S", "t", l -> {}, clock));
    long start = System.nanoTime();
    // 10.45 s left: sweeps while a sweep still has Sweeper.SWEEP_BUDGET (10 s) after the pause, so about five
    sweeper.sweepUntilNextSchedule(() -> 10_450 - (System.nanoTime() - start) / 1_000_000);
    long sweeps = lines.stream().filter(l -> l.contains("sweep done")).count();
    assertTrue(sweeps >= 3 && sweeps <= 6, "sweeps: " + sweeps);

    lines.clear();
    sweeper.sweepUntilNextSchedule(() -> 5_000); // on demand: too little time for a second sweep
    assertEquals(1, lines.stream().filter(l -> l.contains("sweep done")).count());
  }

  @Test
  void aSweepThatFailsWhileDynamoDbIsDownIsFollowedByTheNextWithinTheSameInvocation() throws Exception {
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    ProcessorSettings settings = new ProcessorSettings(Duration.ofSeconds(1), new Backoff(Duration.ofSeconds(5),
        Duration.ofMinutes(1)), Duration.ofMinutes(2), 100, 10, LEASE, Duration.ofMillis(200));
    TableNames tables = DynamoDbLocal.createTables("sweep-outage");
    try (PausableProxy proxy = new PausableProxy(DynamoDbLocal.endpoint());
        DynamoDbClient proxied = DynamoDbLocal.client(proxy.endpoint())) {
      Sweeper sweeper = new Sweeper(new DynamoRequestStore(proxied, tables.requests(), clock, Duration.ofDays(7), 2),
          replies, settings, new JsonLog("t", LogLevel.INFO, lines::add, clock), new Metrics("S", "t", l -> {}, clock));
      proxy.down();
      CompletableFuture<Void> backUp = CompletableFuture.runAsync(() -> {
        while (lines.stream().noneMatch(l -> l.contains("sweep failed"))) {
          Thread.onSpinWait();
        }
        proxy.up();
      });
      long start = System.nanoTime();
      sweeper.sweepUntilNextSchedule(() -> 25_000 - (System.nanoTime() - start) / 1_000_000);
      backUp.get(5, TimeUnit.SECONDS);
      int failedAt = indexOf(lines, "sweep failed");
      assertTrue(failedAt >= 0, "the first sweep failed: " + lines);
      assertTrue(lines.subList(failedAt, lines.size()).stream().anyMatch(l -> l.contains("sweep done")),
          "a later sweep of the same invocation ran: " + lines);

      proxy.down();
      lines.clear();
      assertThrows(RuntimeException.class, () -> sweeper.sweepUntilNextSchedule(() -> 5_000),
          "an invocation whose every sweep failed fails");
    }
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    return -1;
  }

  private void awaitStatus(AsyncRequest request, RequestStatus status) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (stored(request).status() != status && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertEquals(status, stored(request).status());
  }
}
