package dev.streamer.core.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.routing.TestRoutes.EchoRoute;
import dev.streamer.core.routing.TestRoutes.Echo;
import dev.streamer.core.routing.TestRoutes.OrderRoute;
import dev.streamer.core.routing.TestRoutes.ReportRoute;
import dev.streamer.core.testing.InMemoryRequestQueue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The happy paths of the router: sync results, async acknowledgments, the sync/async decision, interceptors. */
class RouterTest {

  static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Caller CALLER =
      new Caller("conn-1", "user-7", "tenant-3", Map.of("role", "admin"), "Root=1-abc");

  final InMemoryRequestQueue queue = new InMemoryRequestQueue();
  final EchoRoute echo = new EchoRoute();
  final AtomicInteger ids = new AtomicInteger();

  RouterConfig.Builder config() {
    return RouterConfig.builder().clock(CLOCK).idGenerator(() -> "req-" + ids.incrementAndGet());
  }

  Router router(RouterConfig config, Route<?, ?>... routes) {
    return new Router(RouteTables.of("Test", routes), queue, config);
  }

  Router router(Route<?, ?>... routes) {
    return router(config().build(), routes);
  }

  @Test
  void syncActionAnswersWithItsResult() {
    String reply = router(echo).route("{\"id\":\"c-1\",\"action\":\"echo\",\"payload\":{\"text\":\"ab\",\"times\":2}}",
        CALLER);

    JsonNode r = Replies.parse(reply);
    assertEquals("result", r.get("type").asText());
    assertEquals("c-1", r.get("id").asText());
    assertEquals("req-1", r.get("requestId").asText());
    assertTrue(r.get("success").asBoolean());
    assertEquals("abab", r.get("data").get("text").asText());
    assertEquals(0, queue.size());
  }

  @Test
  void syncActionSeesTheCallerInItsContext() {
    router(echo).route("{\"id\":\"c-1\",\"action\":\"echo\",\"payload\":{\"text\":\"a\"}}", CALLER);

    RequestContext ctx = echo.lastContext;
    assertEquals("req-1", ctx.requestId());
    assertEquals("c-1", ctx.clientId());
    assertEquals("echo", ctx.action());
    assertEquals("conn-1", ctx.connectionId());
    assertEquals("user-7", ctx.userId());
    assertEquals("tenant-3", ctx.tenantId());
    assertEquals("Root=1-abc", ctx.traceId());
    assertEquals(Map.of("role", "admin"), ctx.metadata());
    assertSame(CLOCK, ctx.clock());
    assertSame(Progress.none(), echo.lastProgress);
  }

  @Test
  void deadlineAndSyncProgressReachTheAction() {
    Progress reporter = (fraction, message) -> {};
    List<String> contextsSeen = new ArrayList<>();
    Router router = router(config().syncProgress(ctx -> {
      contextsSeen.add(ctx.requestId());
      return reporter;
    }).build(), echo);

    router.route("{\"action\":\"echo\",\"payload\":{\"text\":\"a\"}}", CALLER, NOW.plusSeconds(20));

    assertSame(reporter, echo.lastProgress);
    assertEquals(List.of("req-1"), contextsSeen);
    assertEquals(Duration.ofSeconds(20), echo.lastContext.remainingTime());
  }

  @Test
  void anActionThatTakesNoProgressIsGivenNoneAndItsInterceptorsSeeNone() {
    echo.takesProgress = false;
    List<String> contextsSeen = new ArrayList<>();
    List<Progress> interceptorsSaw = new ArrayList<>();
    Router router = router(config().syncProgress(ctx -> {
      contextsSeen.add(ctx.requestId());
      return (fraction, message) -> {};
    }).interceptors(invocation -> {
      interceptorsSaw.add(invocation.progress());
      return invocation.proceed();
    }).build(), echo);

    JsonNode r = Replies.parse(router.route("{\"action\":\"echo\",\"payload\":{\"text\":\"a\"}}", CALLER));

    assertEquals("a", r.get("data").get("text").asText());
    assertEquals(List.of(), contextsSeen, "no reporter is made for it");
    assertNull(echo.lastProgress);
    assertEquals(List.of(Progress.none()), interceptorsSaw);
  }

  @Test
  void clientIdIsNullWhenAbsentAndNullCallerIsAnonymous() {
    JsonNode r = Replies.parse(router(echo).route("{\"action\":\"echo\",\"payload\":{\"text\":\"x\"}}", null));

    assertEquals("result", r.get("type").asText());
    assertTrue(r.get("id").isNull());
    assertNull(echo.lastContext.connectionId());
    assertNull(echo.lastContext.userId());
  }

  @Test
  void byteMessagesRouteLikeText() {
    byte[] body = "{\"id\":\"c-2\",\"action\":\"echo\",\"payload\":{\"text\":\"é😀\"}}"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    JsonNode r = Replies.parse(router(echo).route(body, CALLER));

    assertEquals("é😀", r.get("data").get("text").asText());
  }

  @Test
  void asyncActionIsQueuedAndAcknowledged() {
    String payload = "{ \"recordCount\" : 5000 ,\"note\":\"caf\\u00e9 😀\", \"ratio\": 1.50e3, \"tags\":[ ] }";
    Router router = router(new ReportRoute("generate_report", 10_000, true, false));

    String reply = router.route("{\"id\":\"c-7\", \"action\":\"generate_report\", \"payload\": " + payload + " }",
        CALLER);

    JsonNode r = Replies.parse(reply);
    assertEquals("ack", r.get("type").asText());
    assertEquals("c-7", r.get("id").asText());
    assertEquals("req-1", r.get("requestId").asText());
    assertEquals("generate_report", r.get("action").asText());
    assertEquals("queued", r.get("status").asText());

    AsyncRequest queued = queue.requests().get(0);
    assertEquals(1, queue.size());
    assertEquals(new AsyncRequest("req-1", "c-7", "generate_report", payload, "conn-1", "user-7", "tenant-3",
        "Root=1-abc", NOW, Map.of("role", "admin")), queued);
  }

  @Test
  void queueWhenTrueQueuesAnActionCompiledAsSync() {
    Router router = router(new ReportRoute("report", -1, false, true));

    JsonNode r = Replies.parse(router.route("{\"action\":\"report\",\"payload\":{\"recordCount\":5000}}", CALLER));

    assertEquals("ack", r.get("type").asText());
    assertEquals(1, queue.size());
  }

  @Test
  void queueWhenFalseRunsAnActionCompiledAsAsyncAtOnce() {
    Router router = router(new ReportRoute("report", 60_000, true, true));

    JsonNode r = Replies.parse(router.route("{\"action\":\"report\",\"payload\":{\"recordCount\":10}}", CALLER));

    assertEquals("result", r.get("type").asText());
    assertEquals("report of 10", r.get("data").asText());
    assertEquals(0, queue.size());
  }

  @Test
  void queueWhenOutranksTheThresholdOverride() {
    Router router = router(config().asyncThreshold(Duration.ZERO).build(), new ReportRoute("report", 60_000, true,
        true));

    assertEquals("result", type(router.route("{\"action\":\"report\",\"payload\":{\"recordCount\":1}}", CALLER)));
  }

  @Test
  void thresholdOverrideMakesAnActionAsync() {
    Router router = router(config().asyncThreshold(Duration.ofSeconds(1)).build(),
        new ReportRoute("report", 2_000, false, false));

    assertEquals("ack", type(router.route("{\"action\":\"report\",\"payload\":{\"recordCount\":1}}", CALLER)));
  }

  @Test
  void thresholdOverrideMakesAnActionSync() {
    Router router = router(config().asyncThreshold(Duration.ofSeconds(30)).build(),
        new ReportRoute("report", 10_000, true, false));

    assertEquals("result", type(router.route("{\"action\":\"report\",\"payload\":{\"recordCount\":1}}", CALLER)));
  }

  @Test
  void thresholdOverrideIsStrictlyGreaterAndIgnoresUndeclaredEstimates() {
    Router equal = router(config().asyncThreshold(Duration.ofSeconds(2)).build(),
        new ReportRoute("report", 2_000, true, false));
    Router undeclared = router(config().asyncThreshold(Duration.ZERO).build(),
        new ReportRoute("report", -1, true, false));

    assertEquals("result", type(equal.route("{\"action\":\"report\",\"payload\":{\"recordCount\":1}}", CALLER)));
    assertEquals("result",
        type(undeclared.route("{\"action\":\"report\",\"payload\":{\"recordCount\":1}}", CALLER)));
  }

  @Test
  void interceptorsWrapTheSyncActionInOrder() {
    List<String> log = new ArrayList<>();
    Router router = router(config().interceptors(recorder("outer", log), recorder("inner", log)).build(), echo);

    String reply = router.route("{\"action\":\"echo\",\"payload\":{\"text\":\"hi\"}}", CALLER);

    assertEquals("result", type(reply));
    assertEquals(List.of("outer SYNC echo req-1 Echo[text=hi, times=1] before",
        "inner SYNC echo req-1 Echo[text=hi, times=1] before",
        "inner SYNC after hi", "outer SYNC after hi"), log);
  }

  @Test
  void interceptorsWrapTheEnqueue() {
    List<String> log = new ArrayList<>();
    Interceptor checksQueue = invocation -> {
      log.add("queued before: " + queue.size());
      Object result = invocation.proceed();
      log.add("queued after: " + queue.size());
      return result;
    };
    Router router = router(config().interceptors(recorder("outer", log), checksQueue).build(),
        new ReportRoute("generate_report", 10_000, true, false));

    String reply = router.route("{\"action\":\"generate_report\",\"payload\":{\"recordCount\":3}}", CALLER);

    assertEquals("ack", type(reply));
    assertEquals(List.of("outer ENQUEUE generate_report req-1 Report[recordCount=3] before", "queued before: 0",
        "queued after: 1", "outer ENQUEUE after null"), log);
  }

  @Test
  void interceptorMayReplaceTheResult() {
    Router router = router(config().interceptors(invocation -> "intercepted").build(), echo);

    JsonNode r = Replies.parse(router.route("{\"action\":\"echo\",\"payload\":{\"text\":\"hi\"}}", CALLER));

    assertEquals("intercepted", r.get("data").get("text").asText());
    assertNull(echo.lastContext, "the action must not run");
  }

  @Test
  void proceedMayRunTheRestOfTheChainAgain() {
    AtomicInteger calls = new AtomicInteger();
    Interceptor twice = invocation -> {
      invocation.proceed();
      return invocation.proceed();
    };
    Interceptor counting = invocation -> {
      calls.incrementAndGet();
      return invocation.proceed();
    };
    Router router = router(config().interceptors(twice, counting).build(), echo);

    assertEquals("result", type(router.route("{\"action\":\"echo\",\"payload\":{\"text\":\"hi\"}}", CALLER)));
    assertEquals(2, calls.get());
  }

  @Test
  void executorRunsPhaseAsyncThroughTheSameChain() throws Exception {
    List<String> log = new ArrayList<>();
    RouteExecutor executor = new RouteExecutor(List.of(recorder("only", log)));
    Echo payload = RouteExecutor.decodeAndValidate(echo, "{\"text\":\"z\",\"times\":3}");
    RequestContext ctx = RequestContext.builder("req-9", "echo").build();

    Object result = executor.execute(echo, payload, ctx, Progress.none(), Phase.ASYNC);

    assertEquals("zzz", result);
    assertEquals(List.of("only ASYNC echo req-9 Echo[text=z, times=3] before", "only ASYNC after zzz"), log);
  }

  @Test
  void extraRoutesAreRoutedNextToTheApplication() {
    RouteTable app = RouteTables.of("App", echo);
    RouteTable all = RouteTables.combine(app, new TestRoutes.CallRoute("status", () -> "fine"));
    Router router = new Router(all, queue, config().build());

    assertEquals("fine", Replies.parse(router.route("{\"action\":\"status\"}", CALLER)).get("data").asText());
    assertEquals("result", type(router.route("{\"action\":\"echo\",\"payload\":{\"text\":\"a\"}}", CALLER)));
  }

  @Test
  void voidActionAnswersWithNullData() {
    JsonNode r = Replies.parse(router(new TestRoutes.CallRoute("noop", () -> null))
        .route("{\"action\":\"noop\",\"payload\":null}", CALLER));

    assertEquals("result", r.get("type").asText());
    assertTrue(r.get("data").isNull());
  }

  @Test
  void eachRequestGetsItsOwnId() {
    Router router = router(echo);
    String body = "{\"action\":\"echo\",\"payload\":{\"text\":\"a\"}}";

    assertEquals("req-1", Replies.parse(router.route(body, CALLER)).get("requestId").asText());
    assertEquals("req-2", Replies.parse(router.route(body, CALLER)).get("requestId").asText());
  }

  @Test
  void defaultsAreDocumentedOnes() {
    RouterConfig defaults = RouterConfig.defaults();
    assertEquals(131072, defaults.maxMessageBytes());
    assertNull(defaults.asyncThreshold());
    assertTrue(defaults.interceptors().isEmpty());
    assertNull(defaults.idGenerator()); // the router draws RequestIds itself
    assertNull(defaults.syncProgress()); // and gives a sync action Progress.none()
    Router router = router(defaults, echo);
    String body = "{\"action\":\"echo\",\"payload\":{\"text\":\"x\"}}";
    String first = Replies.parse(router.route(body, CALLER)).get("requestId").asText();
    String second = Replies.parse(router.route(body, CALLER)).get("requestId").asText();
    String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    assertTrue(first.matches(uuid), first);
    assertTrue(second.matches(uuid), second);
    assertNotEquals(first, second);
  }

  @Test
  void bytesOutAreTheTextReplyInUtf8() {
    Router router = router(RouterConfig.builder().clock(CLOCK).idGenerator(() -> "req-1").maxMessageBytes(4096)
        .build(), echo, new ReportRoute("report", -1, true, false));
    List<String> frames = List.of(
        "{\"id\":\"c-1\",\"action\":\"echo\",\"payload\":{\"text\":\"é 中 😀 \\u0001\",\"times\":2}}",
        "{\"id\":\"c-2\",\"action\":\"report\",\"payload\":{\"recordCount\":3}}", // ack
        "{\"id\":\"c-3\",\"action\":\"report\",\"payload\":{\"recordCount\":-1}}", // violations
        "{\"id\":\"c-4\",\"action\":\"nope\"}", "{\"id\":\"c-5\",\"action\":", "[1]",
        "{\"id\":\"c-6\",\"action\":\"echo\",\"payload\":{\"times\":1}}",
        "{\"id\":\"" + "x".repeat(5000) + "\"}"); // too large
    for (String frame : frames) {
      byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
      String text = router.route(frame, CALLER);
      assertEquals(text, router.route(bytes, CALLER), frame);
      assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), router.routeUtf8(bytes, CALLER, null), frame);
    }
  }

  static Interceptor recorder(String name, List<String> log) {
    return invocation -> {
      log.add(name + " " + invocation.phase() + " " + invocation.action() + " "
          + invocation.context().requestId() + " " + invocation.payload() + " before");
      assertSame(invocation.route().action(), invocation.action());
      Object result = invocation.proceed();
      log.add(name + " " + invocation.phase() + " after " + result);
      return result;
    };
  }

  static String type(String reply) {
    return Replies.parse(reply).get("type").asText();
  }
}
