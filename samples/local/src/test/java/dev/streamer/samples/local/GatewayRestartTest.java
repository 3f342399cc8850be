package dev.streamer.samples.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.streamer.local.LocalStack;
import dev.streamer.client.ReconnectPolicy;
import dev.streamer.client.RequestListener;
import dev.streamer.client.StreamerClient;
import dev.streamer.client.StreamerClientException;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.samples.SampleRouteTable;
import dev.streamer.test.local.StreamerTest;
import dev.streamer.test.local.TestStack;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket gateway restarts while a job is queued: every socket drops, the job still runs to completion (its
 * undeliverable messages do not fail it), and a new connection of the same user fetches the result with {@code status}.
 */
@StreamerTest(SampleRouteTable.class)
class GatewayRestartTest {

  private static TestStack testStack;

  @BeforeAll
  static void useStack(TestStack stack) {
    testStack = stack;
  }

  @Test
  void aJobQueuedAcrossAGatewayRestartCompletesAndItsResultIsFetchedWithStatus() throws Exception {
    LocalStack stack = testStack.local();
    String user = "restart-user";
    CompletableFuture<String> acked = new CompletableFuture<>();
    StreamerClient first = testStack.client(user, "dev-tenant").reconnect(ReconnectPolicy.NEVER).build();
    CompletableFuture<String> lost;
    try {
      first.connect().get(30, TimeUnit.SECONDS);
      lost = first.request("generate_report",
          "{\"startDate\":\"2024-02-01\",\"endDate\":\"2024-02-29\",\"recordCount\":20}", new RequestListener() {
            @Override
            public void onAck(String requestId) {
              acked.complete(requestId);
            }
          }, Duration.ofSeconds(90));
      String requestId = acked.get(30, TimeUnit.SECONDS);

      stack.restartGateway();

      ExecutionException dropped = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> lost.get(30, TimeUnit.SECONDS));
      StreamerClientException error = assertInstanceOf(StreamerClientException.class, dropped.getCause());
      assertEquals(ErrorCode.SERVICE_UNAVAILABLE, error.code(), "no reconnect: the request is given up locally");

      try (StreamerClient second = testStack.client(user, "dev-tenant").build()) {
        second.connect().get(30, TimeUnit.SECONDS);
        Map<String, String> status = awaitCompleted(second, requestId);
        Map<String, String> result = Frames.fields(second.request("status",
            "{\"requestId\":\"" + requestId + "\"}").get(30, TimeUnit.SECONDS), "result");
        assertEquals("1.0", status.get("progress"));
        assertEquals(requestId, result.get("reportId"));
        assertEquals("20", result.get("recordCount"));
      }
    } finally {
      first.close();
    }
  }

  private static Map<String, String> awaitCompleted(StreamerClient client, String requestId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      String json = client.request("status", "{\"requestId\":\"" + requestId + "\"}").get(30, TimeUnit.SECONDS);
      Map<String, String> status = Frames.fields(json);
      assertNotNull(status.get("status"), json);
      if (status.get("status").equals("COMPLETED")) {
        return status;
      }
      assertEquals(true, status.get("status").equals("PENDING") || status.get("status").equals("PROCESSING"), json);
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not completed within 60 s: " + json);
      }
      Thread.sleep(100); // polling the status is what a client without subscription does
    }
  }
}
