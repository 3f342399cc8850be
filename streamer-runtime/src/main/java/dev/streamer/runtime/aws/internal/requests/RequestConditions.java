package dev.streamer.runtime.aws.internal.requests;

import static dev.streamer.runtime.aws.internal.requests.RequestItemCodec.millis;
import static dev.streamer.runtime.aws.internal.requests.RequestItemCodec.n;
import static dev.streamer.runtime.aws.internal.requests.RequestItemCodec.s;

import dev.streamer.core.protocol.RequestStatus;
import java.time.Instant;

/**
 * The guards of {@link DynamoRequestStore}'s status changes, as {@link ItemUpdate}s to add the change to: which
 * state a request must be in (due and PENDING, or held by one attempt) for the update to apply.
 */
final class RequestConditions {

  private RequestConditions() {}

  /** An update that applies only while the request is PENDING and due at {@code now} (no {@code retryAfter} ahead). */
  static ItemUpdate duePending(Instant now) {
    return new ItemUpdate()
        .value("pending", s(RequestStatus.PENDING.name()))
        .value("now", millis(now))
        .condition("#status = :pending")
        .condition("attribute_not_exists(#retryAfter) OR #retryAfter <= :now");
  }

  /** An update that applies only while attempt {@code attempt} holds the request (PROCESSING, same attempts). */
  static ItemUpdate ownedBy(int attempt) {
    return new ItemUpdate()
        .value("processing", s(RequestStatus.PROCESSING.name()))
        .value("attempt", n(attempt))
        .condition("#status = :processing")
        .condition("#attempts = :attempt");
  }

  /** Adds the condition that {@code attempts} (absent before the first claim) equals {@code attempts}. */
  static ItemUpdate attemptsAre(ItemUpdate update, int attempts) {
    update.value("expectedAttempts", n(attempts));
    return update.condition(attempts == 0
        ? "attribute_not_exists(#attempts) OR #attempts = :expectedAttempts"
        : "#attempts = :expectedAttempts");
  }
}
