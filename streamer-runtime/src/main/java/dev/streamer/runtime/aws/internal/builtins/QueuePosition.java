package dev.streamer.runtime.aws.internal.builtins;

import dev.streamer.runtime.aws.internal.requests.RequestRecord;

/**
 * Why a PENDING request has not started and where it stands, for {@code status}: a job deferred by its tenant's
 * running cap ({@code MAX_RUNNING_PER_TENANT}) reports its place in the tenant's queue.
 */
@FunctionalInterface
public interface QueuePosition {

  /** No request ever waits (no cap configured). */
  QueuePosition NONE = request -> null;

  /**
   * Where a waiting request stands.
   *
   * @param position 1 for the next to start
   * @param running  the tenant's jobs running now
   * @param cap      how many may run at once
   * @param reason   why it waits, such as {@code MAX_RUNNING_PER_TENANT}
   */
  record Queued(int position, int running, int cap, String reason) {}

  /** Where {@code pending} waits, or null when it does not (it is not PENDING, or nothing holds it back). */
  Queued of(RequestRecord pending);
}
