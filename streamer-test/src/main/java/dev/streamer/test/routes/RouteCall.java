package dev.streamer.test.routes;

import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.StreamerError;
import dev.streamer.core.validation.Violation;
import dev.streamer.test.unit.RecordingProgress;
import java.util.List;

/**
 * What one {@link TestRoutes#call} produced: the result (as JSON and as the object the action returned) or the typed
 * error the client would get, and the progress the action reported.
 */
public final class RouteCall {

  private final String action;
  private final boolean queued;
  private final Object payload;
  private final RecordingProgress progress;
  private final Object value;
  private final String json;
  private final StreamerError error;

  private RouteCall(String action, boolean queued, Object payload, RecordingProgress progress, Object value,
      String json, StreamerError error) {
    this.action = action;
    this.queued = queued;
    this.payload = payload;
    this.progress = progress;
    this.value = value;
    this.json = json;
    this.error = error;
  }

  static RouteCall succeeded(String action, boolean queued, Object payload, RecordingProgress progress, Object value,
      String json) {
    return new RouteCall(action, queued, payload, progress, value, json, null);
  }

  static RouteCall failed(String action, boolean queued, Object payload, RecordingProgress progress,
      StreamerError error) {
    return new RouteCall(action, queued, payload, progress, null, null, error);
  }

  public String action() {
    return action;
  }

  /** True when the action returned (its result encoded); false for an error. */
  public boolean succeeded() {
    return error == null;
  }

  /**
   * Whether the router would queue this request: the payload's {@code @QueueWhen} if it declares one, else the
   * action's compiled decision ({@code estimated} over the processor's threshold). A deployment's
   * {@code ASYNC_THRESHOLD} can change the latter.
   */
  public boolean queued() {
    return queued;
  }

  /** The decoded payload, or null when there was none or it did not decode. */
  public Object payload() {
    return payload;
  }

  /** The result as the client receives it in {@code data}, as JSON text; an {@link AssertionError} for an error. */
  public String json() {
    if (error != null) {
      throw new AssertionError("expected a result of " + action + ", got " + describe(error));
    }
    return json;
  }

  /** The object the action returned (null for void); an {@link AssertionError} for an error. */
  public <T> T value(Class<T> type) {
    json();
    return type.cast(value);
  }

  /** The error the client would get; an {@link AssertionError} when the action succeeded. */
  public StreamerError error() {
    if (error == null) {
      throw new AssertionError("expected an error from " + action + ", got the result " + json);
    }
    return error;
  }

  /** The error, after checking its code; an {@link AssertionError} naming what came instead. */
  public StreamerError assertError(ErrorCode code) {
    StreamerError actual = error();
    if (actual.code() != code) {
      throw new AssertionError("expected " + code + " from " + action + ", got " + describe(actual));
    }
    return actual;
  }

  /** The violations of a VALIDATION_ERROR (in the validator's order); empty for other outcomes. */
  public List<Violation> violations() {
    if (error == null || !(error.details().get("violations") instanceof List<?> list)) {
      return List.of();
    }
    return list.stream().filter(Violation.class::isInstance).map(Violation.class::cast).toList();
  }

  /** The paths of {@link #violations()}, sorted, for short assertions. */
  public List<String> violationPaths() {
    return violations().stream().map(Violation::path).sorted().toList();
  }

  /** The progress the action reported, unbatched. */
  public RecordingProgress progress() {
    return progress;
  }

  private static String describe(StreamerError e) {
    return e.code() + " (" + e.message() + (e.details().isEmpty() ? "" : ", " + e.details()) + ")";
  }

  @Override
  public String toString() {
    return action + (error == null ? " → " + json : " → " + describe(error));
  }
}
