package dev.streamer.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.core.StreamerException;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.testing.InMemoryRequestQueue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A request answered with INTERNAL_ERROR is reported once, with its cause and the request's fields. */
class InternalErrorLogTest {

  record Logged(Throwable failure, String requestId, String clientId, String action, Caller caller) {}

  private final List<Logged> logged = new CopyOnWriteArrayList<>();
  private final Caller caller = new Caller("conn-1", "alice", "acme", Map.of(), "Root=1-abc");

  private Router router(Route<?, ?>... routes) {
    RouterConfig config = RouterConfig.builder().idGenerator(() -> "req-1")
        .internalErrors((failure, requestId, clientId, action, who) ->
            logged.add(new Logged(failure, requestId, clientId, action, who)))
        .build();
    return new Router(RouteTables.of("Test", routes), new InMemoryRequestQueue(), config);
  }

  @Test
  void aSyncInternalErrorIsLoggedOnceWithTheRequestsFields() {
    IllegalStateException bug = new IllegalStateException("s3cr3t");
    Router router = router(new TestRoutes.CallRoute("boom", () -> {
      throw bug;
    }));
    String reply = router.route("{\"id\":\"c-9\",\"action\":\"boom\"}", caller);
    assertTrue(reply.contains("\"code\":\"INTERNAL_ERROR\"") && !reply.contains("s3cr3t"), reply);
    assertEquals(1, logged.size());
    Logged entry = logged.get(0);
    assertSame(bug, entry.failure());
    assertEquals("req-1", entry.requestId());
    assertEquals("c-9", entry.clientId());
    assertEquals("boom", entry.action());
    assertSame(caller, entry.caller());
  }

  @Test
  void clientErrorsAndDeliberateStreamerErrorsAreNotInternal() {
    Router router = router(new TestRoutes.CallRoute("limited", () -> {
      throw new StreamerException(ErrorCode.RATE_LIMITED, "slow down");
    }));
    router.route("{\"action\":\"limited\"}", caller);
    router.route("{\"action\":\"nope\"}", caller);
    router.route("{\"action\":", caller);
    assertEquals(List.of(), logged);
  }

  @Test
  void aFailingLogNeverChangesTheAnswer() {
    RouterConfig config = RouterConfig.builder()
        .internalErrors((failure, requestId, clientId, action, who) -> {
          throw new IllegalStateException("log down");
        })
        .build();
    Router router = new Router(RouteTables.of("Test", new TestRoutes.CallRoute("boom", () -> {
      throw new IllegalStateException("bug");
    })), new InMemoryRequestQueue(), config);
    assertTrue(router.route("{\"id\":\"c\",\"action\":\"boom\"}", caller).contains("INTERNAL_ERROR"));
  }
}
