package dev.streamer.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.streamer.core.routing.AsyncRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryRequestQueueTest {

  private static AsyncRequest request(String id, String payload) {
    return new AsyncRequest(id, "c", "generate_report", payload, "conn", null, null, null,
        Instant.parse("2024-05-01T12:00:00Z"), Map.of());
  }

  @Test
  void keepsRequestsInArrivalOrder() {
    InMemoryRequestQueue queue = new InMemoryRequestQueue();
    AsyncRequest a = request("a", "{}");
    AsyncRequest b = request("b", "{}");

    queue.enqueue(a);
    queue.enqueue(b);

    assertEquals(List.of(a, b), queue.requests());
    assertSame(b, queue.find("b"));
    assertEquals(2, queue.size());
  }

  @Test
  void isIdempotentPerRequestId() {
    InMemoryRequestQueue queue = new InMemoryRequestQueue();
    AsyncRequest first = request("a", "{\"n\":1}");

    queue.enqueue(first);
    queue.enqueue(request("a", "{\"n\":2}"));

    assertEquals(List.of(first), queue.requests());
  }

  @Test
  void drainEmptiesTheQueue() {
    InMemoryRequestQueue queue = new InMemoryRequestQueue();
    queue.enqueue(request("a", "{}"));

    assertEquals(1, queue.drain().size());
    assertEquals(0, queue.size());
    assertNull(queue.find("a"));
    assertEquals(List.of(), queue.drain());
  }

  @Test
  void acceptsConcurrentProducers() throws Exception {
    InMemoryRequestQueue queue = new InMemoryRequestQueue();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            queue.enqueue(request(thread + "-" + i, "{}"));
            queue.enqueue(request("shared-" + i, "{}"));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(4 * 500 + 500, queue.size());
  }
}
