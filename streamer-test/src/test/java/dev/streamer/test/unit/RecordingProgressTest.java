package dev.streamer.test.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecordingProgressTest {

  @Test
  void keepsEveryReportInOrderUnclampedAndUnbatched() {
    RecordingProgress progress = new RecordingProgress();
    assertTrue(progress.isEmpty());
    assertThrows(NoSuchElementException.class, progress::last);

    progress.report(0.25, "a");
    progress.report(0.25);
    progress.report(1.5, "over");
    assertEquals(List.of(new ProgressReport(0.25, "a"), new ProgressReport(0.25, null),
        new ProgressReport(1.5, "over")), progress.reports());
    assertEquals(List.of(0.25, 0.25, 1.5), progress.fractions());
    assertEquals(new ProgressReport(1.5, "over"), progress.last());
  }

  @Test
  void reportsAreACopy() {
    RecordingProgress progress = new RecordingProgress();
    progress.report(0.1);
    List<ProgressReport> before = progress.reports();
    progress.report(0.2);
    assertEquals(1, before.size());
  }

  @Test
  void theCancelSwitchIsOffUntilTurnedOn() {
    RecordingProgress progress = new RecordingProgress();
    assertFalse(progress.isCancelled());
    progress.cancel();
    assertTrue(progress.isCancelled());
  }

  @Test
  void concurrentReportsAreAllKept() throws Exception {
    RecordingProgress progress = new RecordingProgress();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 2000; i++) {
      double fraction = i / 2000.0;
      pool.execute(() -> progress.report(fraction));
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    assertEquals(2000, progress.reports().size());
  }
}
