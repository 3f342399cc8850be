package dev.streamer.samples.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.client.StreamerClient;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.runtime.aws.internal.requests.RequestItemCodec;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import dev.streamer.samples.SampleRouteTable;
import dev.streamer.test.local.StreamerTest;
import dev.streamer.test.local.TestStack;
import org.junit.jupiter.api.Test;

/**
 * A worker claims a job, reports part of it and dies (its claim is written as the processor writes one, and nothing
 * renews it). The stack's sweeper takes the job back once the lease runs out and the processor re-runs it from the
 * stored progress: the client that subscribed sees progress that never goes down and exactly one result. The shared
 * stack runs with a 3 s lease and the test runs the sweeper every second; with the defaults (60 s and 20 s) the
 * same takes at most 80 s plus the stream hop.
 */
@StreamerTest(value = SampleRouteTable.class, environment = "LEASE_DURATION=3s")
class CrashRecoveryTest {

  @Test
  void aCrashedJobIsRerunFromItsStoredProgressAndTheSubscriberGetsMonotonicProgressAndOneResult(TestStack stack)
      throws Exception {
    String user = "crash-user";
    String tenant = "dev-tenant";
    BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    try (StreamerClient client = stack.client(user, tenant).messageListener(messages::add).build()) {
      client.connect().get(30, TimeUnit.SECONDS);
      String requestId = UUID.randomUUID().toString();
      Instant now = Instant.now();
      RequestRecord crashed = new RequestRecord(requestId, RequestStatus.PROCESSING, "generate_report",
          "{\"startDate\":\"2024-01-01\",\"endDate\":\"2024-01-02\",\"recordCount\":10}", "c-crash", user, tenant,
          "gone-connection=", null, Map.of(), now, now.plus(Duration.ofDays(1)).getEpochSecond(), 0, 3, null, 1, now,
          null, now.plus(Duration.ofSeconds(3)), 0.45, "part one", null, null, null, false);
      stack.local().dynamoDb().putItem(b -> b.tableName(stack.local().tables().requests())
          .item(RequestItemCodec.toItem(crashed)));

      String subscribed = client.request("subscribe", "{\"requestId\":\"" + requestId + "\"}")
          .get(30, TimeUnit.SECONDS);
      assertEquals("PROCESSING", Frames.fields(subscribed).get("status"), subscribed);
      assertEquals("0.45", Frames.fields(subscribed).get("progress"));

      long start = System.nanoTime();
      List<Double> progress = new ArrayList<>();
      List<String> results = new ArrayList<>();
      while (results.isEmpty() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(90)) {
        String message = messages.poll(1, TimeUnit.SECONDS);
        if (message == null) {
          stack.sweep(); // the sweeper's timer, driven by the test: it takes back the expired lease
        }
        if (message == null || !requestId.equals(Frames.fields(message).get("requestId"))) {
          continue;
        }
        switch (Frames.fields(message).get("type")) {
          case "progress" -> progress.add(Double.parseDouble(Frames.fields(message).get("progress")));
          case "result" -> results.add(message);
          default -> { }
        }
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals(1, results.size(), "one result within 90 s; progress so far " + progress);
      assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "re-run soon after the 3 s lease: " + took);
      assertTrue(!progress.isEmpty(), "progress of the re-run reached the subscriber");
      for (int i = 0; i < progress.size(); i++) {
        assertTrue(progress.get(i) >= 0.45, "never below the stored 0.45: " + progress);
        assertTrue(i == 0 || progress.get(i) >= progress.get(i - 1), "monotonic: " + progress);
      }
      Thread.sleep(500);
      assertTrue(messages.stream().noneMatch(m -> requestId.equals(Frames.fields(m).get("requestId"))
          && "result".equals(Frames.fields(m).get("type"))), "no second result");

      String status = client.request("status", "{\"requestId\":\"" + requestId + "\"}").get(30, TimeUnit.SECONDS);
      assertEquals("COMPLETED", Frames.fields(status).get("status"));
      assertEquals("1.0", Frames.fields(status).get("progress"));
      assertEquals("1", Frames.fields(status).get("retryCount"), "the crash used one retry");
    }
  }
}
