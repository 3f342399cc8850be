package dev.streamer.runtime.aws.internal.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.runtime.aws.ManualClock;
import dev.streamer.runtime.aws.ManualScheduler;
import dev.streamer.runtime.aws.internal.connections.DeliveryFailedException;
import dev.streamer.runtime.aws.internal.connections.MessageSender;
import dev.streamer.runtime.aws.internal.observability.CapturingSink;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogLevel;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Unit tests on a manual clock and scheduler: every flush happens at a known instant. */
class BatchedProgressTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration INTERVAL = Duration.ofMillis(200);

  private final ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final RecordingSink sink = new RecordingSink();
  private final RecordingSender sender = new RecordingSender();
  private final CapturingSink logLines = new CapturingSink();
  private final CapturingSink metricLines = new CapturingSink();
  private final ProgressReporters reporters = new ProgressReporters(sink, sender, INTERVAL, clock, scheduler,
      new JsonLog("test", LogLevel.INFO, logLines, clock), new Metrics("Streamer", "test", metricLines, clock));

  @Test
  void firstReportGoesOutOnTheLeadingEdgeAsAProgressMessage() throws Exception {
    BatchedProgress progress = reporters.open("req-1", "c-1");
    progress.report(0.42, "Reading records");
    assertEquals(0, sender.sent.size(), "flushing is the scheduler's job, not the reporting thread's");
    assertEquals(1, scheduler.runDue());

    assertEquals(List.of(0.42), sink.fractions());
    assertEquals(1, sender.sent.size());
    Sent sent = sender.sent.get(0);
    assertEquals("conn-1", sent.connectionId);
    JsonNode json = MAPPER.readTree(sent.message);
    assertEquals("progress", json.get("type").asText());
    assertEquals("c-1", json.get("id").asText());
    assertEquals("req-1", json.get("requestId").asText());
    assertEquals(0.42, json.get("progress").asDouble());
    assertEquals("Reading records", json.get("message").asText());
  }

  @Test
  void reportsInsideTheIntervalCoalesceToTheLatestOnTheTrailingEdge() {
    BatchedProgress progress = reporters.open("req-1", "c-1");
    progress.report(0.1, "a");
    scheduler.runDue();
    clock.advance(Duration.ofMillis(50));
    progress.report(0.2, "b");
    progress.report(0.3, "c");
    progress.report(0.4, "d");
    assertEquals(0, scheduler.runDue(), "held until the interval ends");
    assertEquals(1, sender.sent.size());

    assertEquals(1, scheduler.advance(Duration.ofMillis(150)));
    assertEquals(List.of(0.1, 0.4), sink.fractions());
    assertEquals(List.of(0.1, 0.4), sender.fractions());
    assertEquals("d", sink.persisted.get(1).message);
    assertEquals(0, scheduler.pending(), "nothing left to flush");
  }

  @Test
  void atMostOneFlushPerIntervalUnderAStreamOfReports() {
    BatchedProgress progress = reporters.open("req-1", null);
    for (int i = 1; i <= 100; i++) {
      progress.report(i / 100.0, "step " + i);
      scheduler.advance(Duration.ofMillis(10));
    }
    progress.close();
    List<Instant> times = sender.times();
    assertTrue(times.size() >= 5 && times.size() <= 7, "about one per 200 ms over 1 s: " + times.size());
    for (int i = 1; i < times.size() - 1; i++) {
      assertTrue(!times.get(i).isBefore(times.get(i - 1).plus(INTERVAL)), "flushes " + i + " too close: " + times);
    }
    assertEquals(1.0, sender.fractions().get(sender.fractions().size() - 1), "the final value is delivered");
  }

  @Test
  void progressNeverGoesBackwards() {
    BatchedProgress progress = reporters.open("req-1", "c");
    progress.report(0.5);
    scheduler.runDue();
    progress.report(0.3, "lower");
    progress.report(Double.NaN, "nan");
    progress.report(-2, "negative");
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(List.of(0.5), sender.fractions());

    progress.report(1.7, "over");
    scheduler.advance(Duration.ofSeconds(1));
    progress.report(0.99, "after full");
    progress.close();
    assertEquals(List.of(0.5, 1.0), sender.fractions());
    assertEquals(List.of(0.5, 1.0), sink.fractions());
  }

  @Test
  void negativeFirstReportIsClampedToZero() {
    BatchedProgress progress = reporters.open("req-1", "c");
    progress.report(-0.5, "starting");
    scheduler.runDue();
    assertEquals(List.of(0.0), sender.fractions());
  }

  @Test
  void closeFlushesThePendingValueAtOnceAndNothingFollows() {
    BatchedProgress progress = reporters.open("req-1", "c");
    progress.report(0.1);
    scheduler.runDue();
    progress.report(0.9, "almost");
    assertEquals(1, scheduler.pending(), "a trailing flush is scheduled");

    progress.close();
    assertEquals(List.of(0.1, 0.9), sender.fractions(), "flushed synchronously, before the interval ended");
    assertEquals(0, scheduler.pending(), "the trailing flush is cancelled");

    progress.report(1.0, "too late");
    scheduler.advance(Duration.ofSeconds(5));
    progress.close();
    assertEquals(List.of(0.1, 0.9), sender.fractions());
  }

  @Test
  void aReportOfOneWaitsAnIntervalSoThatTheCompletionCarriesIt() {
    BatchedProgress progress = reporters.open("req-1", "c");
    progress.report(1.0, "done");
    assertEquals(0, scheduler.runDue(), "not on the leading edge");
    scheduler.advance(INTERVAL.minusMillis(1));
    assertEquals(List.of(), sink.fractions());

    BatchedProgress.Update held = progress.closeHolding();
    assertEquals(new BatchedProgress.Update(1.0, "done"), held, "left for the completion write");
    assertEquals(0, scheduler.pending());
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(List.of(), sink.fractions(), "never written on its own");
    progress.send(held, "conn-1");
    assertEquals(List.of(1.0), sender.fractions());
  }

  @Test
  void aReportOfOneThatReplacesAQueuedFlushWaitsToo() {
    BatchedProgress progress = reporters.open("req-1", "c");
    progress.report(0.5, "half");      // its leading-edge flush is queued, not run yet
    progress.report(1.0, "done");      // replaces it before it ran
    assertEquals(1, scheduler.runDue(), "the queued flush runs");
    assertEquals(List.of(), sink.fractions(), "and defers the 1.0 instead of writing it");
    assertEquals(new BatchedProgress.Update(1.0, "done"), progress.closeHolding());
    assertEquals(List.of(), sink.fractions());
  }

  @Test
  void aReportOfOneIsStillSentAnIntervalLaterWhenTheJobGoesOn() {
    BatchedProgress progress = reporters.open("req-1", "c");
    progress.report(0.2);
    scheduler.runDue();
    scheduler.advance(Duration.ofSeconds(1));
    progress.report(1.0, "uploading");
    assertEquals(0, scheduler.runDue());
    assertEquals(1, scheduler.advance(INTERVAL));
    assertEquals(List.of(0.2, 1.0), sink.fractions());
    assertEquals(List.of(0.2, 1.0), sender.fractions());
    assertNull(progress.closeHolding(), "nothing left for the completion");
  }

  @Test
  void aScheduledFlushThatRunsAfterCloseSendsNothing() {
    BatchedProgress progress = reporters.open("req-1", "c");
    progress.report(0.1);
    scheduler.runDue();
    progress.report(0.2);
    scheduler.ignoreCancellation(); // as if the trailing flush had already started on another thread
    progress.close();
    assertEquals(List.of(0.1, 0.2), sender.fractions());
    assertEquals(1, scheduler.advance(Duration.ofSeconds(1)), "the escaped flush runs");
    assertEquals(List.of(0.1, 0.2), sender.fractions(), "and sends nothing");
    assertEquals(2, sink.persisted.size());
  }

  @Test
  void closeWithNothingPendingSendsNothingAndCountsWhatWasSent() throws Exception {
    BatchedProgress progress = reporters.open("req-1", "c");
    progress.report(0.3);
    scheduler.runDue();
    scheduler.advance(Duration.ofSeconds(1));
    progress.report(0.6);
    scheduler.runDue();
    progress.close();
    assertEquals(2, sender.sent.size());
    assertEquals(2, progress.sentCount());
    List<JsonNode> metrics = metricLines.json();
    assertEquals(1, metrics.size());
    assertEquals(2, metrics.get(0).get("ProgressSent").asLong());
    assertEquals("req-1", metrics.get(0).get("requestId").asText());
  }

  @Test
  void anIdenticalReportIsNotSentTwiceButANewMessageIs() {
    BatchedProgress progress = reporters.open("req-1", "c");
    progress.report(0.5, "same");
    scheduler.runDue();
    scheduler.advance(Duration.ofSeconds(1));
    progress.report(0.5, "same");
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(1, sender.sent.size());
    progress.report(0.5, "different");
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(2, sender.sent.size());
  }

  @Test
  void cancellationIsSeenAfterTheNextFlush() {
    BatchedProgress progress = reporters.open("req-1", "c");
    progress.report(0.1);
    scheduler.runDue();
    assertFalse(progress.isCancelled());
    sink.cancelRequested = true;
    progress.report(0.2);
    assertFalse(progress.isCancelled(), "not persisted yet");
    scheduler.advance(INTERVAL);
    assertTrue(progress.isCancelled());
  }

  @Test
  void aReattachedConnectionGetsTheRest() {
    BatchedProgress progress = reporters.open("req-1", "c");
    progress.report(0.1);
    scheduler.runDue();
    sink.connectionId = "conn-2";
    progress.report(0.2);
    scheduler.advance(INTERVAL);
    assertEquals(List.of("conn-1", "conn-2"), sender.connections());
  }

  @Test
  void aGoneConnectionIsNotTriedAgainUntilAnotherIsAttached() {
    BatchedProgress progress = reporters.open("req-1", "c");
    sender.gone = id -> id.equals("conn-1");
    progress.report(0.1);
    scheduler.runDue();
    progress.report(0.2);
    scheduler.advance(INTERVAL);
    progress.report(0.3);
    scheduler.advance(INTERVAL);
    assertEquals(1, sender.attempts.size(), "one attempt at the gone connection");
    assertEquals(List.of(0.1, 0.2, 0.3), sink.fractions(), "still persisted for a reconnecting client");

    sink.connectionId = "conn-2";
    progress.report(0.4);
    scheduler.advance(INTERVAL);
    assertEquals(List.of("conn-2"), sender.connections());
    progress.close();
    assertEquals(1, progress.sentCount());
  }

  @Test
  void failuresAreLoggedAndNeverReachTheAction() {
    BatchedProgress progress = reporters.open("req-1", "c");
    progress.report(0.1);
    scheduler.runDue();
    sink.failWith = new IllegalStateException("dynamodb down");
    progress.report(0.2);
    scheduler.advance(INTERVAL);
    assertEquals(List.of(0.1, 0.2), sender.fractions(), "sent to the last known connection anyway");

    sink.failWith = null;
    sender.failWith = new DeliveryFailedException("conn-1", 3, 500, null);
    progress.report(0.3);
    scheduler.advance(INTERVAL);
    sender.failWith = null;
    progress.report(0.4);
    scheduler.advance(INTERVAL);
    progress.close();
    assertEquals(List.of(0.1, 0.2, 0.4), sender.fractions());
    assertEquals(1, logLines.withMessage("progress not persisted").size());
    assertEquals(1, logLines.withMessage("progress not sent").size());
    assertEquals("req-1", logLines.withMessage("progress not sent").get(0).get("requestId").asText());
  }

  @Test
  void noConnectionAttachedMeansPersistOnly() {
    sink.connectionId = null;
    BatchedProgress progress = reporters.open("req-1", "c");
    progress.report(0.5);
    progress.close();
    assertEquals(List.of(0.5), sink.fractions());
    assertTrue(sender.attempts.isEmpty());
  }

  @Test
  void longMessagesAreCutWithoutSplittingASurrogatePair() {
    BatchedProgress progress = reporters.open("req-1", "c");
    String emoji = "\uD83D\uDE00";
    String message = "x".repeat(BatchedProgress.MAX_MESSAGE_LENGTH - 1) + emoji + "tail";
    progress.report(0.5, message);
    progress.close();
    String stored = sink.persisted.get(0).message;
    assertEquals(BatchedProgress.MAX_MESSAGE_LENGTH - 1, stored.length());
    assertFalse(Character.isHighSurrogate(stored.charAt(stored.length() - 1)));
  }

  @Test
  void aShutDownSchedulerLeavesTheValueForClose() {
    scheduler.shutdown();
    BatchedProgress progress = reporters.open("req-1", "c");
    progress.report(0.7);
    assertTrue(sender.sent.isEmpty());
    progress.close();
    assertEquals(List.of(0.7), sender.fractions());
  }

  @Test
  void nullMessageIsLeftOutOfTheJson() throws Exception {
    BatchedProgress progress = reporters.open("req-1", null);
    progress.report(0.25);
    progress.close();
    JsonNode json = MAPPER.readTree(sender.sent.get(0).message);
    assertFalse(json.has("message"));
    assertTrue(json.get("id").isNull());
    assertNull(sink.persisted.get(0).message);
  }

  record Persisted(String requestId, double fraction, String message) {}

  static final class RecordingSink implements ProgressSink {
    final List<Persisted> persisted = new CopyOnWriteArrayList<>();
    volatile String connectionId = "conn-1";
    volatile boolean cancelRequested;
    volatile RuntimeException failWith;

    @Override
    public ProgressState persist(String requestId, double fraction, String message) {
      if (failWith != null) {
        throw failWith;
      }
      persisted.add(new Persisted(requestId, fraction, message));
      return new ProgressState(connectionId, cancelRequested);
    }

    List<Double> fractions() {
      return persisted.stream().map(Persisted::fraction).toList();
    }
  }

  record Sent(String connectionId, String message, Instant at) {}

  final class RecordingSender implements MessageSender {
    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<String> attempts = new CopyOnWriteArrayList<>();
    volatile Predicate<String> gone = id -> false;
    volatile RuntimeException failWith;

    @Override
    public boolean send(String connectionId, String message) {
      attempts.add(connectionId);
      if (failWith != null) {
        throw failWith;
      }
      if (gone.test(connectionId)) {
        return false;
      }
      sent.add(new Sent(connectionId, message, clock.instant()));
      return true;
    }

    List<Double> fractions() {
      List<Double> values = new ArrayList<>();
      for (Sent s : sent) {
        try {
          values.add(MAPPER.readTree(s.message).get("progress").asDouble());
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }
      return values;
    }

    List<String> connections() {
      return sent.stream().map(Sent::connectionId).toList();
    }

    List<Instant> times() {
      return sent.stream().map(Sent::at).toList();
    }
  }
}
