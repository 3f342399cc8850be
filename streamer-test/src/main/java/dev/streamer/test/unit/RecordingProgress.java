package dev.streamer.test.unit;

import dev.streamer.core.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A {@link Progress} that keeps every report, in order, unbatched (the runtime sends at most one every
 * {@code PROGRESS_INTERVAL}; this sees them all), and whose {@link #isCancelled()} a test switches with {@link #cancel()}.
 * Thread-safe, for actions that report from several threads.
 *
 * <pre>{@code
 * RecordingProgress progress = new RecordingProgress();
 * quotes.quoteBatch(request, progress);
 * assertEquals(1.0, progress.last().fraction());
 * assertEquals(List.of(0.5, 1.0), progress.fractions());
 * }</pre>
 */
public final class RecordingProgress implements Progress {

  private final List<ProgressReport> reports = new ArrayList<>();
  private volatile boolean cancelled;

  @Override
  public synchronized void report(double fraction, String message) {
    reports.add(new ProgressReport(fraction, message));
  }

  /** Every report so far, oldest first (a copy). */
  public synchronized List<ProgressReport> reports() {
    return List.copyOf(reports);
  }

  /** The fractions of {@link #reports()}, oldest first. */
  public synchronized List<Double> fractions() {
    return reports.stream().map(ProgressReport::fraction).toList();
  }

  /** The latest report; {@link NoSuchElementException} when there is none. */
  public synchronized ProgressReport last() {
    if (reports.isEmpty()) {
      throw new NoSuchElementException("no progress reported");
    }
    return reports.get(reports.size() - 1);
  }

  /** True when no report was made. */
  public synchronized boolean isEmpty() {
    return reports.isEmpty();
  }

  /** From now on {@link #isCancelled()} is true, as when the caller cancels the request. */
  public void cancel() {
    cancelled = true;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public synchronized String toString() {
    return "RecordingProgress" + reports;
  }
}
