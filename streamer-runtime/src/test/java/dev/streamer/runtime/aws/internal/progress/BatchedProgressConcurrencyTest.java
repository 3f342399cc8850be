package dev.streamer.runtime.aws.internal.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.runtime.aws.internal.connections.MessageSender;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Real threads and a real scheduler. Asserts order and the close() guarantee, never timings: the machine may be
 * slow and busy.
 */
class BatchedProgressConcurrencyTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @RepeatedTest(5)
  void concurrentReportersSeeMonotonicProgressAndNothingAfterClose() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    ExecutorService workers = Executors.newFixedThreadPool(4);
    AtomicBoolean closeReturned = new AtomicBoolean();
    List<Double> sent = new CopyOnWriteArrayList<>();
    List<String> violations = new CopyOnWriteArrayList<>();
    MessageSender sender = (connectionId, message) -> {
      if (closeReturned.get()) {
        violations.add("sent after close: " + message);
      }
      try {
        sent.add(MAPPER.readTree(message).get("progress").asDouble());
      } catch (Exception e) {
        violations.add(e.toString());
      }
      return true;
    };
    ProgressSink sink = (requestId, fraction, message) -> new ProgressState("conn-1", false);
    BatchedProgress progress = BatchedProgress.start("req-1", "c", sink, sender, Duration.ofMillis(1),
        Clock.systemUTC(), scheduler);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        done.add(workers.submit(() -> {
          go.await();
          for (int i = 0; i <= 2000; i++) {
            progress.report((i * 4 + offset) / 8003.0, "step");
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      progress.close();
      closeReturned.set(true);
      progress.report(1.0, "ignored");
      scheduler.shutdown();
      assertTrue(scheduler.awaitTermination(60, TimeUnit.SECONDS));
    } finally {
      workers.shutdownNow();
      scheduler.shutdownNow();
    }
    assertTrue(violations.isEmpty(), violations.toString());
    assertTrue(!sent.isEmpty());
    for (int i = 1; i < sent.size(); i++) {
      assertTrue(sent.get(i) > sent.get(i - 1), "strictly increasing at " + i + ": " + sent);
    }
    assertEquals(8003.0 / 8003.0, sent.get(sent.size() - 1), "the highest report is the last message");
  }
}
