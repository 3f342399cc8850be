package dev.streamer.runtime.aws.internal.processor;

import dev.streamer.runtime.aws.internal.progress.ProgressState;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The lease of one claimed attempt: it runs {@code duration} from each renewal (never past the invocation's end), so
 * that the sweeper can take back the request of a crashed worker soon after it stopped renewing. A progress write
 * renews it as a side effect; {@link #heartbeat} renews it when nothing else wrote for a third of the duration.
 */
public final class Lease {

  private final String requestId;
  private final int attempt;
  private final Duration duration;
  private final Instant invocationEnd;
  private final Clock clock;
  private volatile Instant renewedAt;
  private volatile boolean lost;
  private volatile boolean cancelRequested;

  /**
   * @param renewedAt     when the claim (or the last renewal) was written
   * @param invocationEnd when the invocation running the attempt ends: no lease lasts longer
   */
  public Lease(String requestId, int attempt, Duration duration, Instant renewedAt, Instant invocationEnd,
      Clock clock) {
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.attempt = attempt;
    this.duration = Objects.requireNonNull(duration, "duration");
    this.renewedAt = Objects.requireNonNull(renewedAt, "renewedAt");
    this.invocationEnd = Objects.requireNonNull(invocationEnd, "invocationEnd");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The expiry a write made now should set. */
  public Instant nextExpiry() {
    Instant wanted = clock.instant().plus(duration);
    return wanted.isAfter(invocationEnd) ? invocationEnd : wanted;
  }

  /** Records a write that renewed the lease and what the item said then. */
  public void renewed(Instant at, ProgressState state) {
    renewedAt = at;
    if (state != null && state.cancelRequested()) {
      cancelRequested = true;
    }
  }

  /** Records that the attempt no longer holds the request: it must stop and can no longer write. */
  public void lost() {
    lost = true;
  }

  /** True once a write found the request taken over or finished. */
  public boolean isLost() {
    return lost;
  }

  /** True once a renewal saw the caller's cancellation. */
  public boolean cancelRequested() {
    return cancelRequested;
  }

  /** How often the heartbeat looks: a third of the duration. */
  public Duration heartbeatPeriod() {
    return duration.dividedBy(3);
  }

  /**
   * Renews the lease when nothing renewed it for a third of its duration. Throws
   * {@link dev.streamer.runtime.aws.internal.requests.RequestStoreException} when DynamoDB is unavailable.
   */
  public void heartbeat(DynamoRequestStore store) {
    Instant now = clock.instant();
    if (lost || Duration.between(renewedAt, now).compareTo(heartbeatPeriod()) < 0) {
      return;
    }
    Optional<ProgressState> state = store.renewLease(requestId, attempt, nextExpiry());
    if (state.isEmpty()) {
      lost = true;
    } else {
      renewed(now, state.get());
    }
  }
}
