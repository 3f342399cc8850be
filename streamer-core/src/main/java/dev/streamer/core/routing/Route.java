package dev.streamer.core.routing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.limits.RateLimit;
import dev.streamer.core.validation.Violations;
import java.io.IOException;

/**
 * One action: decode → validate → invoke → encode. Implementations are generated at compile time, one per
 * {@code @Action} method; none uses reflection.
 *
 * @param <P> payload type ({@code Void} when the action takes no payload)
 * @param <R> result type ({@code Void} for {@code void} actions)
 */
public interface Route<P, R> {

  /** Action name on the wire. */
  String action();

  /** Description from {@code @Action(description)}, or empty. */
  String description();

  /** Estimated duration in milliseconds from {@code @Action(estimated)}, or -1 when not declared. */
  long estimatedMillis();

  /** Compile-time decision: estimated strictly greater than the processor's async threshold. */
  boolean async();

  /**
   * {@code @Action(isolated = true)}: each queued request runs in its own invocation of the worker function, not
   * inside the stream processor's batch. Such an action is always queued (unless its {@code @QueueWhen} says
   * otherwise), whatever the runtime's async threshold.
   */
  default boolean isolated() {
    return false;
  }

  /**
   * Per-user limit from {@code @Action(rateLimit)}, or null for none. The runtime may override it
   * ({@code RATE_LIMITS}).
   */
  default RateLimit rateLimit() {
    return null;
  }

  /** Per-tenant limit from {@code @Action(tenantRateLimit)}, or null for none. */
  default RateLimit tenantRateLimit() {
    return null;
  }

  /**
   * Reads the payload from a parser positioned on the payload's first token (or on {@code null} / no token when
   * the message has no payload). Throws {@link dev.streamer.core.json.JsonDecodeException} with the JSON path
   * of the fault.
   */
  P decode(JsonParser parser) throws IOException;

  /** Adds every constraint violation of {@code payload} to {@code violations}. */
  void validate(P payload, Violations violations);

  /**
   * Per-request decision declared with {@code @QueueWhen} on the payload record: TRUE queues, FALSE runs at once,
   * null when the payload declares none (then {@link #async()} and the runtime threshold decide).
   */
  default Boolean queueWhen(P payload) {
    return null;
  }

  /**
   * Whether the action takes a {@link Progress} parameter. The router makes a synchronous request's progress
   * reporter only for an action that does ({@link RouterConfig#syncProgress()}), and passes null to
   * {@link #invoke} of one that does not, so that a cold start serving it loads no progress class. True unless a
   * route says otherwise (a generated route of an action without one says false), so that a route written by hand
   * always gets a reporter.
   */
  default boolean takesProgress() {
    return true;
  }

  /** Calls the action method; {@code progress} may be null when {@link #takesProgress()} is false. */
  R invoke(P payload, RequestContext context, Progress progress) throws Exception;

  /** Writes the result as one JSON value (null for void). */
  void writeResult(R result, JsonGenerator generator) throws IOException;
}
