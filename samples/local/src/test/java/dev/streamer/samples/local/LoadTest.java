package dev.streamer.samples.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.client.RequestListener;
import dev.streamer.client.StreamerClient;
import dev.streamer.samples.SampleRouteTable;
import dev.streamer.test.local.StreamerTest;
import dev.streamer.test.local.TestStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 50 clients × 20 requests, sync {@code echo} and async {@code generate_report} alternating, all in flight at once,
 * over real sockets to the generated handlers. Checked on the raw frames each client received: every request has
 * exactly one final message, its progress never goes backwards, and every result is the right one.
 */
@StreamerTest(SampleRouteTable.class)
class LoadTest {

  private static TestStack testStack;

  @BeforeAll
  static void useStack(TestStack stack) {
    testStack = stack;
  }

  private static final int CLIENTS = 50;
  private static final int REQUESTS = 20;

  /** What one request is expected to produce. */
  private record Sent(int client, int index, boolean async, CompletableFuture<String> result,
      AtomicReference<String> requestId) {}

  @Test
  void everyRequestGetsExactlyOneFinalResultAndProgressNeverGoesBackwards() throws Exception {
    List<StreamerClient> clients = new ArrayList<>();
    List<Queue<String>> frames = new ArrayList<>();
    try {
      for (int c = 0; c < CLIENTS; c++) {
        Queue<String> received = new ConcurrentLinkedQueue<>();
        frames.add(received);
        StreamerClient client = testStack.client("load-user-" + c, "load-tenant")
            .messageListener(received::add)
            .build();
        clients.add(client);
      }
      CompletableFuture.allOf(clients.stream().map(StreamerClient::connect).toArray(CompletableFuture[]::new))
          .get(60, TimeUnit.SECONDS);

      List<Sent> sent = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        for (int c = 0; c < CLIENTS; c++) {
          sent.add(send(clients.get(c), c, i));
        }
      }
      CompletableFuture.allOf(sent.stream().map(Sent::result).toArray(CompletableFuture[]::new))
          .get(150, TimeUnit.SECONDS);

      Set<String> requestIds = new HashSet<>();
      for (Sent s : sent) {
        String result = s.result().join();
        Map<String, String> fields = Frames.fields(result);
        if (s.async()) {
          assertNotNull(s.requestId().get(), "async request acknowledged");
          assertEquals(s.requestId().get(), fields.get("reportId"), "the report of this very request");
          assertEquals(String.valueOf(3 + s.index() % 3), fields.get("recordCount"));
          assertTrue(requestIds.add(s.requestId().get()), "request ids are unique");
        } else {
          assertEquals("client " + s.client() + " request " + s.index(), fields.get("message"));
          assertEquals("load-user-" + s.client(), fields.get("userId"));
        }
      }
      assertEquals(CLIENTS * REQUESTS / 2, requestIds.size());
      for (int c = 0; c < CLIENTS; c++) {
        checkFrames(c, frames.get(c));
      }
    } finally {
      clients.forEach(StreamerClient::close);
    }
  }

  private static Sent send(StreamerClient client, int c, int i) {
    AtomicReference<String> requestId = new AtomicReference<>();
    if (i % 2 == 0) {
      String payload = "{\"message\":\"client " + c + " request " + i + "\"}";
      return new Sent(c, i, false, client.request("echo", payload), requestId);
    }
    String payload = "{\"startDate\":\"2024-01-01\",\"endDate\":\"2024-01-31\",\"recordCount\":" + (3 + i % 3) + "}";
    RequestListener listener = new RequestListener() {
      @Override
      public void onAck(String id) {
        requestId.set(id);
      }
    };
    return new Sent(c, i, true, client.request("generate_report", payload, listener, Duration.ofSeconds(150)),
        requestId);
  }

  /** Per correlation id: one ack at most, one final message, progress non-decreasing, nothing after the final. */
  private static void checkFrames(int client, Queue<String> frames) {
    Map<String, Integer> finals = new ConcurrentHashMap<>();
    Map<String, Double> lastProgress = new ConcurrentHashMap<>();
    for (String frame : frames) {
      Map<String, String> f = Frames.fields(frame);
      String id = f.get("id");
      assertNotNull(id, "client " + client + " got a message without id: " + frame);
      switch (f.get("type")) {
        case "progress" -> {
          assertEquals(null, finals.get(id), "progress after the final message: " + frame);
          double progress = Double.parseDouble(f.get("progress"));
          Double before = lastProgress.put(id, progress);
          assertTrue(before == null || progress >= before, "progress went back from " + before + ": " + frame);
        }
        case "result", "error" -> finals.merge(id, 1, Integer::sum);
        case "ack" -> { }
        default -> throw new AssertionError("unexpected message " + frame);
      }
    }
    assertEquals(REQUESTS, finals.size(), "client " + client + ": a final message for every request");
    finals.forEach((id, count) -> assertEquals(1, count, "client " + client + ", " + id + ": final messages"));
  }
}
