package dev.streamer.test.routes;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.streamer.core.RequestContext;
import dev.streamer.core.StreamerException;
import dev.streamer.core.json.Json;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.ErrorMapper;
import dev.streamer.core.routing.Interceptor;
import dev.streamer.core.routing.Phase;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteExecutor;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.test.unit.RecordingProgress;
import dev.streamer.test.unit.TestContext;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Objects;

/**
 * Calls an application's actions through their generated routes, with core's {@link RouteExecutor} as the router
 * (phase SYNC) and the stream processor (phase ASYNC) use it: the payload is decoded by the generated decoder,
 * validated (every violation), the action invoked through the interceptors, the result encoded by the generated
 * encoder; failures become the {@link dev.streamer.core.protocol.StreamerError} the client would see, mapped by the
 * same {@link ErrorMapper}. No envelope, no queue, no AWS: an asynchronous action runs at once, in phase ASYNC, with
 * a {@link RecordingProgress}.
 *
 * <pre>{@code
 * TestRoutes routes = TestRoutes.of(QuotesRouteTable.create());
 * String json = routes.call("quote_price", "{\"sku\":\"A-1\",\"quantity\":3}").json();
 * RouteCall bad = routes.call("quote_price", "{\"sku\":\" \",\"quantity\":0}");
 * bad.assertError(ErrorCode.VALIDATION_ERROR);
 * assertEquals(List.of("quantity", "sku"), bad.violationPaths());
 * }</pre>
 *
 * <p>Thread-safe when the route table and interceptors are.
 */
public final class TestRoutes {

  private final RouteTable table;
  private final RouteExecutor executor;
  private final ErrorMapper errors = new ErrorMapper();

  private TestRoutes(RouteTable table, List<Interceptor> interceptors) {
    this.table = Objects.requireNonNull(table, "table");
    this.executor = new RouteExecutor(interceptors);
  }

  /** The routes of {@code table} (a generated {@code <App>RouteTable}), without interceptors. */
  public static TestRoutes of(RouteTable table) {
    return new TestRoutes(table, List.of());
  }

  /** The routes of {@code table}, invoked through {@code interceptors} (outermost first), as configured in the app. */
  public static TestRoutes of(RouteTable table, List<Interceptor> interceptors) {
    return new TestRoutes(table, interceptors);
  }

  public RouteTable table() {
    return table;
  }

  /**
   * Runs {@code action} with {@code payloadJson} (raw JSON; null for none) as user {@value TestContext#USER} of
   * tenant {@value TestContext#TENANT}. Never throws for what the action or the payload did: see {@link RouteCall}.
   */
  public RouteCall call(String action, String payloadJson) {
    return call(action, payloadJson, TestContext.builder().action(action));
  }

  /** As {@link #call(String, String)} with the caller, deadline or cancellation of {@code context}. */
  public RouteCall call(String action, String payloadJson, TestContext.Builder context) {
    return call(action, payloadJson, context.build(), new RecordingProgress());
  }

  /** The full form: {@code progress} receives the action's reports (cancel it to test cancellation). */
  public RouteCall call(String action, String payloadJson, RequestContext context, RecordingProgress progress) {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(progress, "progress");
    Route<?, ?> route = table.find(action);
    if (route == null) {
      return RouteCall.failed(action, false, null, progress, errors.toError(
          new StreamerException(ErrorCode.INVALID_ACTION, "unknown action \"" + action + "\""), null));
    }
    return run(route, payloadJson, context, progress);
  }

  private <P, R> RouteCall run(Route<P, R> route, String payloadJson, RequestContext context,
      RecordingProgress progress) {
    P payload;
    try {
      payload = RouteExecutor.decodeAndValidate(route, payloadJson);
    } catch (Exception e) { // the client's fault, as in the router
      return RouteCall.failed(route.action(), route.async(), null, progress, errors.toError(e, context.requestId()));
    }
    Boolean declared = payload == null ? null : route.queueWhen(payload);
    boolean queued = declared != null ? declared : route.async();
    Object result;
    try {
      result = executor.execute(route, payload, context, progress, queued ? Phase.ASYNC : Phase.SYNC);
    } catch (Exception e) { // the action's fault: its own code, or INTERNAL_ERROR
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return RouteCall.failed(route.action(), queued, payload, progress,
          errors.toExecutionError(e, context.requestId()));
    }
    try {
      return RouteCall.succeeded(route.action(), queued, payload, progress, result, encode(route, result));
    } catch (IOException | RuntimeException e) {
      return RouteCall.failed(route.action(), queued, payload, progress,
          errors.toExecutionError(e, context.requestId()));
    }
  }

  @SuppressWarnings("unchecked") // an interceptor returning another type fails here, as in the router
  private static <R> String encode(Route<?, R> route, Object result) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = Json.FACTORY.createGenerator(out)) {
      route.writeResult((R) result, generator);
    }
    return out.toString();
  }
}
