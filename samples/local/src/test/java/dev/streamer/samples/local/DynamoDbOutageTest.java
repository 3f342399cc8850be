package dev.streamer.samples.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.client.RequestListener;
import dev.streamer.client.StreamerClient;
import dev.streamer.client.StreamerClientException;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.local.LocalStack;
import dev.streamer.runtime.aws.internal.requests.RequestItemCodec;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import dev.streamer.runtime.aws.tables.StreamerTables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB Local is stopped for a few seconds under the whole local stack (real sockets, gateway, stream poller,
 * sweeper), and started again on the same port with the same data. While it is down every reply is a typed error
 * carrying the client's {@code id} and no internal detail; once it is back the stack recovers by itself: new requests
 * succeed, the stream poller reads on, and the jobs accepted before the outage complete, each exactly once.
 *
 * <p>The stack is this test's own (it stops DynamoDB), with a 3 s lease and a 1 s sweep interval, so that a job
 * whose completion could not be written is taken back and re-run within seconds.
 */
class DynamoDbOutageTest {

  /** 40 steps: 0.8 s with the build's 20 ms steps. */
  private static final Duration OUTAGE = Duration.ofSeconds(7);
  private static final String REPORT = "{\"startDate\":\"2024-01-01\",\"endDate\":\"2024-01-02\",\"recordCount\":40}";

  @Test
  void whileDynamoDbIsStoppedEveryReplyCarriesTheClientsIdAndTheStackRecoversByItself() throws Exception {
    try (LocalStack stack = SampleStack.builder().banner(null).console(false)
        .sweepInterval(Duration.ofSeconds(1)).environment(Map.of("LEASE_DURATION", "3s")).start()) {
      List<String> frames = new CopyOnWriteArrayList<>();
      try (StreamerClient client = StreamerClient.builder(stack.webSocketUri()).token(stack.devToken())
          .requestTimeout(Duration.ofMinutes(2)).messageListener(frames::add).build()) {
        client.connect().get(30, TimeUnit.SECONDS);
        assertEquals("hello", Frames.fields(client.request("echo", "{\"message\":\"hello\"}")
            .get(30, TimeUnit.SECONDS)).get("message"));

        // before the outage: one job running (it has reported progress) and one just acknowledged
        CompletableFuture<String> runningAck = new CompletableFuture<>();
        CompletableFuture<String> progressed = new CompletableFuture<>();
        CompletableFuture<String> running = client.request("generate_report", REPORT, new RequestListener() {
          @Override
          public void onAck(String requestId) {
            runningAck.complete(requestId);
          }

          @Override
          public void onProgress(dev.streamer.client.ProgressUpdate update) {
            progressed.complete(update.requestId());
          }
        }, Duration.ofMinutes(2));
        progressed.get(60, TimeUnit.SECONDS);
        CompletableFuture<String> queuedAck = new CompletableFuture<>();
        CompletableFuture<String> queued = client.request("generate_report", REPORT, new RequestListener() {
          @Override
          public void onAck(String requestId) {
            queuedAck.complete(requestId);
          }
        }, Duration.ofMinutes(2));
        String queuedId = queuedAck.get(30, TimeUnit.SECONDS);
        String runningId = runningAck.get();

        stack.stopDynamoDb();
        long outageStart = System.nanoTime();
        int outageFrames = frames.size();
        List<CompletableFuture<String>> duringOutage = List.of(
            client.request("echo", "{\"message\":\"down\"}"),
            client.request("generate_report", REPORT),
            client.request("status", "{\"requestId\":\"" + runningId + "\"}"),
            client.request("subscribe", "{\"requestId\":\"" + queuedId + "\"}"));
        for (CompletableFuture<String> call : duringOutage) {
          ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
              () -> call.get(60, TimeUnit.SECONDS));
          StreamerClientException error = assertInstanceOf(StreamerClientException.class, failed.getCause());
          // the client matched the error to its request by id: an unmatched one would have timed out instead
          assertEquals(ErrorCode.SERVICE_UNAVAILABLE, error.code(), error.getMessage());
        }
        List<String> errors = new ArrayList<>(frames.subList(outageFrames, frames.size()));
        errors.removeIf(frame -> !"error".equals(Frames.fields(frame).get("type")));
        assertEquals(duringOutage.size(), errors.size(), errors.toString());
        for (String frame : errors) {
          assertNotNull(Frames.fields(frame).get("id"), "the client's id: " + frame);
          assertEquals("SERVICE_UNAVAILABLE", Frames.fields(frame, "error").get("code"), frame);
          for (String internal : List.of("Exception", "\tat ", "software.amazon", "dev.streamer", "localhost")) {
            assertFalse(frame.contains(internal), "no internal detail (" + internal + "): " + frame);
          }
        }

        // longer than the SDK's retries (about 3 s): the running job's completion write fails for good, so it is
        // redelivered, taken back when its lease runs out, and re-run
        long left = OUTAGE.toNanos() - (System.nanoTime() - outageStart);
        if (left > 0) {
          Thread.sleep(TimeUnit.NANOSECONDS.toMillis(left));
        }
        stack.startDynamoDb();
        // new requests succeed at once, sync and async (the stream poller reads on)
        assertEquals("back", Frames.fields(client.request("echo", "{\"message\":\"back\"}")
            .get(30, TimeUnit.SECONDS)).get("message"));
        String after = client.request("generate_report", REPORT).get(90, TimeUnit.SECONDS);
        assertNotNull(Frames.fields(after).get("url"), after);
        // the jobs accepted before the outage complete, each with one result
        assertNotNull(Frames.fields(running.get(90, TimeUnit.SECONDS)).get("url"));
        assertNotNull(Frames.fields(queued.get(90, TimeUnit.SECONDS)).get("url"));
        Thread.sleep(1_000); // room for a duplicate to show up
        for (String requestId : List.of(runningId, queuedId)) {
          assertEquals(RequestStatus.COMPLETED, stored(stack, requestId).status(), requestId);
        }
        System.out.println("DynamoDbOutageTest: the running job took " + stored(stack, runningId).attempts()
            + " attempt(s)");
        List<String> results = List.copyOf(frames);
        for (String requestId : List.of(runningId, queuedId)) {
          assertEquals(1, results.stream().filter(f -> "result".equals(Frames.fields(f).get("type"))
              && requestId.equals(Frames.fields(f).get("requestId"))).count(), "one result for " + requestId);
        }
        assertEquals(0, client.inFlight());
        long caughtUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (stack.pendingStreamRecords() > 0 && System.nanoTime() < caughtUp) {
          Thread.sleep(50); // the completions' own MODIFY records are still being read past
        }
        assertEquals(0, stack.pendingStreamRecords(), "the processor caught up");
      }
    }
  }

  private static RequestRecord stored(LocalStack stack, String requestId) {
    return RequestItemCodec.fromItem(stack.dynamoDb().getItem(b -> b.tableName(stack.tables().requests())
        .key(Map.of(StreamerTables.REQUEST_ID, AttributeValue.fromS(requestId))).consistentRead(true)).item());
  }
}
