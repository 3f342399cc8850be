package dev.streamer.core.routing;

import com.fasterxml.jackson.core.JsonParser;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.json.Json;
import dev.streamer.core.json.JsonDecodeException;
import dev.streamer.core.json.Unicode;
import dev.streamer.core.protocol.Envelope;
import dev.streamer.core.validation.Constraints;
import dev.streamer.core.validation.ValidationException;
import dev.streamer.core.validation.Violations;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Runs routes through the interceptor chain. Shared by the {@link Router} (phases SYNC and ENQUEUE) and the stream
 * processor that executes queued requests (phase ASYNC), so that both paths decode, validate and intercept alike:
 *
 * <pre>{@code
 * Object payload;
 * try {
 *   payload = RouteExecutor.decodeAndValidate(route, asyncRequest.payload());
 * } catch (Exception e) {
 *   return errors.toError(e, requestId);          // the client's fault: VALIDATION_ERROR
 * }
 * try {
 *   Object result = executor.execute(route, payload, context, progress, Phase.ASYNC);
 *   ...                                           // encode with route.writeResult, send Messages.result
 * } catch (Exception e) {
 *   return errors.toExecutionError(e, requestId); // the action's fault: its own code, or INTERNAL_ERROR
 * }
 * }</pre>
 * where {@code errors} is a {@link dev.streamer.core.protocol.ErrorMapper}.
 */
public final class RouteExecutor {

  private final List<Interceptor> interceptors;

  public RouteExecutor(List<Interceptor> interceptors) {
    this.interceptors = List.copyOf(interceptors);
  }

  public List<Interceptor> interceptors() {
    return interceptors;
  }

  /**
   * Decodes {@code payloadJson} (the payload text as received; null or {@code "null"} when absent) with the route's
   * decoder, then validates it, collecting every violation. A null payload is not validated.
   *
   * @throws dev.streamer.core.json.JsonDecodeException wrong type, missing field and the like, with its path
   * @throws ValidationException                             one or more constraint violations
   * @throws IOException                                     malformed JSON or a broken read limit (Jackson's
   *                                                         exceptions; map them with
   *                                                         {@link dev.streamer.core.protocol.ErrorMapper#toError})
   */
  public static <P> P decodeAndValidate(Route<P, ?> route, String payloadJson) throws IOException {
    String json = payloadJson == null ? "null" : payloadJson;
    if (Unicode.firstProblem(json) >= 0) { // a stored request is read back as text: check it as the router did
      throw JsonDecodeException.of("", "contains an unpaired surrogate (invalid Unicode)");
    }
    P payload;
    try (JsonParser parser = Json.FACTORY.createParser(json)) {
      parser.nextToken();
      payload = route.decode(parser);
    }
    return validate(route, payload);
  }

  /**
   * As {@link #decodeAndValidate(Route, String)} for a message the {@link Router} read: the payload decoded in the
   * envelope's pass when it was, else decoded now from its place in the message.
   */
  @SuppressWarnings("unchecked") // the envelope was decoded by this route's decoder: the router looked it up by name
  static <P> P decode(Route<P, ?> route, Envelope envelope) throws IOException {
    if (envelope.decoded()) {
      return (P) envelope.payload();
    }
    try (JsonParser parser = envelope.payloadParser()) {
      parser.nextToken();
      return route.decode(parser);
    }
  }

  private static <P> P validate(Route<P, ?> route, P payload) {
    ValidationException.throwIfAny(violations(route, payload));
    return payload;
  }

  /** Every violation of {@code payload} (none for null), without throwing: the router answers them directly. */
  static <P> Violations violations(Route<P, ?> route, P payload) {
    Violations violations = new Violations();
    if (payload != null) {
      Constraints.beginPayload(); // bounds the regular expressions of the whole payload together
      try {
        route.validate(payload, violations);
      } finally {
        Constraints.endPayload();
      }
    }
    return violations;
  }

  /**
   * Invokes the route's action through the interceptor chain and returns its result (null for void actions).
   *
   * @param payload  what {@link #decodeAndValidate} returned for this route
   * @param progress the action's reporter; may be null when the route does not {@link Route#takesProgress() take
   *                 one} (interceptors then see {@link Progress#none()})
   * @param phase    {@link Phase#SYNC} in the router, {@link Phase#ASYNC} in the stream processor
   * @throws Exception whatever the action or an interceptor threw
   */
  public Object execute(Route<?, ?> route, Object payload, RequestContext context, Progress progress, Phase phase)
      throws Exception {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(context, "context");
    if (progress == null && route.takesProgress()) {
      throw new NullPointerException("progress");
    }
    if (phase != Phase.SYNC && phase != Phase.ASYNC) {
      throw new IllegalArgumentException("execute runs phase SYNC or ASYNC, not " + phase);
    }
    if (interceptors.isEmpty()) {
      return invoke(route, payload, context, progress); // what the empty chain would run, without building it
    }
    return new Invocation(phase, route, payload, context, progress, interceptors, 0, null).proceed();
  }

  /** Puts {@code request} on {@code queue} through the interceptor chain in phase {@link Phase#ENQUEUE}. */
  public void enqueue(Route<?, ?> route, Object payload, RequestContext context, RequestQueue queue,
      AsyncRequest request) throws Exception {
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(request, "request");
    new Invocation(Phase.ENQUEUE, route, payload, context, Progress.none(), interceptors, 0, () -> {
      queue.enqueue(request);
      return null;
    }).proceed();
  }

  @SuppressWarnings("unchecked") // the payload came from this route's own decoder
  static <P> Object invoke(Route<P, ?> route, Object payload, RequestContext context, Progress progress)
      throws Exception {
    return route.invoke((P) payload, context, progress);
  }
}
