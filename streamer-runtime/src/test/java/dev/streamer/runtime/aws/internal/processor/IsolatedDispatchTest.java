package dev.streamer.runtime.aws.internal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.core.routing.AsyncRequest;
import dev.streamer.core.routing.RouteExecutor;
import dev.streamer.core.routing.RouteTables;
import dev.streamer.runtime.aws.DirectProgress;
import dev.streamer.runtime.aws.JobRoute;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogLevel;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Isolated actions against DynamoDB Local's real stream: the processor marks and hands them to a worker (the
 * invoker records what Lambda would be asked) and runs nothing itself; the worker's conditional claim makes
 * duplicate, late and cancelled deliveries run nothing; a refused invocation is reported for redelivery; a
 * dispatched request no worker claimed is re-driven by the sweeper after the dispatch timeout.
 */
class IsolatedDispatchTest extends ProcessorOnDynamoDbLocal {

  private final List<WorkerJob> invoked = new CopyOnWriteArrayList<>();
  private final AtomicInteger refuse = new AtomicInteger();
  private final WorkerInvoker invoker = job -> {
    if (refuse.getAndDecrement() > 0) {
      throw new WorkerInvoker.WorkerInvocationException("429 TooManyRequestsException", null);
    }
    invoked.add(job);
  };

  @Override
  protected String tablePrefix() {
    return "isolated";
  }

  private StreamProcessor processor(JobRoute... routes) {
    return new StreamProcessor(store, RouteTables.of("test", routes), new RouteExecutor(List.of()),
        DirectProgress.factory(store, replies), replies, ProcessorSettings.defaults(),
        new JsonLog("test", LogLevel.WARN, l -> { }, clock), new Metrics("Streamer", "test", l -> { }, clock),
        workers).workers(() -> java.util.Optional.of(invoker));
  }

  private Sweeper sweeper() {
    return new Sweeper(store, replies, ProcessorSettings.defaults(),
        new JsonLog("test", LogLevel.WARN, l -> { }, clock), new Metrics("Streamer", "test", l -> { }, clock));
  }

  private AsyncRequest enqueue(String action) {
    AsyncRequest request = new AsyncRequest(UUID.randomUUID().toString(), "c-1", action, "{\"n\":1}",
        "conn-" + UUID.randomUUID(), "user-1", "tenant-1", null, clock.instant(), Map.of());
    store.enqueue(request);
    return request;
  }

  private RequestRecord stored(AsyncRequest request) {
    return store.get(request.requestId()).orElseThrow();
  }

  @Test
  void theProcessorHandsAnIsolatedRequestToAWorkerAndRunsNothingItself() throws Exception {
    JobRoute export = new JobRoute("export", (job, ctx, progress) -> job.n()).asIsolated();
    JobRoute quick = new JobRoute("quick", (job, ctx, progress) -> job.n());
    StreamProcessor processor = processor(export, quick);
    AsyncRequest isolated = enqueue("export");
    AsyncRequest inline = enqueue("quick");

    StreamsEventResponse response = processor.process(stream.await(2), () -> 300_000);

    assertTrue(response.getBatchItemFailures().isEmpty());
    assertEquals(List.of(new WorkerJob(isolated.requestId(), 0)), invoked, "one asynchronous invocation");
    assertEquals(0, export.invocations(), "the processor did not run the isolated job");
    assertEquals(RequestStatus.PENDING, stored(isolated).status(), "nothing claimed: the worker claims");
    assertEquals(RequestStatus.COMPLETED, stored(inline).status(), "the other job ran here as before");

    // the dispatch mark is a MODIFY of a PENDING request: it must not dispatch again
    DynamodbEvent next = stream.await(2); // the mark, and the quick job's completion
    processor.process(next, () -> 300_000);
    assertEquals(1, invoked.size(), "the dispatch mark caused no second invocation: " + invoked);
  }

  @Test
  void theWorkerRunsTheJobOnceDuplicateAndLateInvocationsRunNothing() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    JobRoute export = new JobRoute("export", (job, ctx, progress) -> {
      running.countDown();
      release.await(30, TimeUnit.SECONDS);
      return job.n();
    }).asIsolated();
    StreamProcessor processor = processor(export);
    AsyncRequest request = enqueue("export");
    processor.process(stream.await(1), () -> 300_000);
    WorkerJob job = invoked.get(0);

    // Lambda delivers the same event twice, at once
    Future<Boolean> first = workers.submit(() -> processor.runDispatched(job, () -> 900_000));
    assertTrue(running.await(30, TimeUnit.SECONDS));
    Future<Boolean> second = workers.submit(() -> processor.runDispatched(job, () -> 900_000));
    assertFalse(second.get(30, TimeUnit.SECONDS), "a duplicate delivery claims nothing");
    release.countDown();
    assertTrue(first.get(30, TimeUnit.SECONDS));

    assertEquals(1, export.invocations());
    assertEquals(RequestStatus.COMPLETED, stored(request).status());
    assertEquals(1, replies.to(request.connectionId()).stream().filter(m -> m.contains("\"type\":\"result\""))
        .count(), "one result: " + replies.to(request.connectionId()));
    assertFalse(processor.runDispatched(job, () -> 900_000), "a late delivery after the outcome runs nothing");
    assertEquals(1, export.invocations());
  }

  @Test
  void anInvocationForAnEarlierAttemptClaimsNothing() throws Exception {
    JobRoute export = new JobRoute("export", (job, ctx, progress) -> job.n()).asIsolated();
    StreamProcessor processor = processor(export);
    AsyncRequest request = enqueue("export");
    processor.process(stream.await(1), () -> 300_000);
    // attempt 1 was claimed by another delivery, its worker died, and the sweeper put the request back
    store.claim(request.requestId(), Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(2));
    sweeper().sweep();
    assertEquals(RequestStatus.PENDING, stored(request).status());
    assertEquals(1, stored(request).attempts());

    assertFalse(processor.runDispatched(new WorkerJob(request.requestId(), 0), () -> 900_000),
        "the event of attempt 0 arrives late: nothing runs");
    assertEquals(0, export.invocations());
    assertTrue(processor.runDispatched(new WorkerJob(request.requestId(), 1), () -> 900_000));
    assertEquals(RequestStatus.COMPLETED, stored(request).status());
  }

  @Test
  void aRefusedInvocationIsReportedForRedeliveryAndTheRedeliveryDispatches() throws Exception {
    JobRoute export = new JobRoute("export", (job, ctx, progress) -> job.n()).asIsolated();
    StreamProcessor processor = processor(export);
    AsyncRequest request = enqueue("export");
    DynamodbEvent batch = stream.await(1);
    refuse.set(1); // throttled: Lambda's Invoke answers 429

    StreamsEventResponse response = processor.process(batch, () -> 300_000);
    assertEquals(List.of(batch.getRecords().get(0).getDynamodb().getSequenceNumber()),
        response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
            .toList(), "the record is reported, so Lambda retries it");
    assertTrue(invoked.isEmpty());

    assertTrue(processor.process(batch, () -> 300_000).getBatchItemFailures().isEmpty(), "the retry dispatches");
    assertEquals(List.of(new WorkerJob(request.requestId(), 0)), invoked);
  }

  @Test
  void aRequestCancelledWhileDispatchedIsNeverRun() throws Exception {
    JobRoute export = new JobRoute("export", (job, ctx, progress) -> job.n()).asIsolated();
    StreamProcessor processor = processor(export);
    AsyncRequest request = enqueue("export");
    processor.process(stream.await(1), () -> 300_000);

    assertEquals(RequestStatus.CANCELLED, store.cancel(request.requestId()).record().status());
    assertFalse(processor.runDispatched(invoked.get(0), () -> 900_000));
    assertEquals(0, export.invocations());
    assertEquals(RequestStatus.CANCELLED, stored(request).status());
  }

  @Test
  void aDispatchedRequestNoWorkerClaimedIsRedrivenAfterTheDispatchTimeout() throws Exception {
    JobRoute export = new JobRoute("export", (job, ctx, progress) -> job.n()).asIsolated();
    StreamProcessor processor = processor(export);
    AsyncRequest request = enqueue("export");
    processor.process(stream.await(1), () -> 300_000);
    processor.process(stream.await(1), () -> 300_000); // the dispatch mark: nothing
    assertEquals(1, invoked.size());

    // the worker never starts
    clock.advance(IsolatedExecution.DISPATCH_TIMEOUT.minusSeconds(1));
    assertEquals(0, sweeper().sweep().redriven(), "not before the dispatch timeout");
    clock.advance(Duration.ofSeconds(2));
    assertEquals(1, sweeper().sweep().redriven(), "re-driven once no worker claimed it in time");

    processor.process(stream.await(1), () -> 300_000); // the re-drive's MODIFY
    assertEquals(2, invoked.size(), "dispatched again: " + invoked);
    assertTrue(processor.runDispatched(invoked.get(1), () -> 900_000));
    assertEquals(RequestStatus.COMPLETED, stored(request).status());
    assertEquals(1, export.invocations());
  }
}
