package dev.streamer.core.routing;

import static dev.streamer.core.routing.RouterTest.CALLER;
import static dev.streamer.core.routing.RouterTest.CLOCK;
import static dev.streamer.core.routing.RouterTest.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.core.FatalException;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.RetryableException;
import dev.streamer.core.StreamerException;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.Limits;
import dev.streamer.core.protocol.Messages;
import dev.streamer.core.routing.TestRoutes.CallRoute;
import dev.streamer.core.routing.TestRoutes.EchoRoute;
import dev.streamer.core.routing.TestRoutes.OrderRoute;
import dev.streamer.core.routing.TestRoutes.ReportRoute;
import dev.streamer.core.testing.InMemoryRequestQueue;
import dev.streamer.core.validation.Violations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every way a request can fail, and what the client sees then. */
class RouterErrorTest {

  static final String SECRET = "s3cr3t-db-password";

  final InMemoryRequestQueue queue = new InMemoryRequestQueue();
  final AtomicInteger ids = new AtomicInteger();
  final EchoRoute echo = new EchoRoute();

  Router router(Route<?, ?>... routes) {
    return router(List.of(), routes);
  }

  Router router(List<Interceptor> interceptors, Route<?, ?>... routes) {
    RouterConfig config = RouterConfig.builder().clock(CLOCK).idGenerator(() -> "req-" + ids.incrementAndGet())
        .interceptors(interceptors).build();
    return new Router(RouteTables.of("Test", routes), queue, config);
  }

  /** Parses an error reply and checks what every error reply must satisfy. */
  static JsonNode error(String reply, ErrorCode code) {
    Replies.assertNothingInternal(reply);
    JsonNode r = Replies.parse(reply);
    assertEquals("error", r.get("type").asText(), reply);
    assertFalse(r.get("success").asBoolean());
    JsonNode e = r.get("error");
    assertEquals(code.name(), e.get("code").asText(), reply);
    assertTrue(e.get("message").isTextual());
    assertTrue(e.get("details").isObject());
    assertTrue(e.get("retry").get("retryable").isBoolean());
    return r;
  }

  @Test
  void malformedFrame() {
    JsonNode r = error(router(echo).route("{\"id\":\"c-1\",\"action\":", CALLER), ErrorCode.VALIDATION_ERROR);

    assertEquals("malformed JSON", r.get("error").get("message").asText());
    assertEquals(1, r.get("error").get("details").get("line").asInt());
    assertTrue(r.get("requestId").isNull());
    assertEquals("c-1", r.get("id").asText(), "the id read before the fault is echoed");
    assertFalse(r.get("error").get("retry").get("retryable").asBoolean());
  }

  @Test
  void emptyAndNullBodies() {
    error(router(echo).route("", CALLER), ErrorCode.VALIDATION_ERROR);
    error(router(echo).route("   ", CALLER), ErrorCode.VALIDATION_ERROR);
    error(router(echo).route((String) null, CALLER), ErrorCode.VALIDATION_ERROR);
    error(router(echo).route((byte[]) null, CALLER), ErrorCode.VALIDATION_ERROR);
  }

  @Test
  void nonObjectFrames() {
    for (String body : List.of("[1,2]", "\"echo\"", "42", "null", "true")) {
      JsonNode r = error(router(echo).route(body, CALLER), ErrorCode.VALIDATION_ERROR);
      assertEquals("message must be a JSON object", r.get("error").get("message").asText(), body);
    }
  }

  @Test
  void trailingContentAfterTheFrame() {
    error(router(echo).route("{\"action\":\"echo\"} {}", CALLER), ErrorCode.VALIDATION_ERROR);
    error(router(echo).route("{\"action\":\"echo\"}}", CALLER), ErrorCode.VALIDATION_ERROR);
  }

  /** RFC 8259 forbids senders a byte order mark; the README documents that one is malformed JSON. */
  @Test
  void byteOrderMarkIsMalformedJson() {
    String body = "\uFEFF{\"action\":\"echo\",\"payload\":{\"text\":\"a\"}}";
    JsonNode text = error(router(echo).route(body, CALLER), ErrorCode.VALIDATION_ERROR);
    assertEquals("malformed JSON", text.get("error").get("message").asText());
    JsonNode bytes = error(router(echo).route(body.getBytes(StandardCharsets.UTF_8), CALLER),
        ErrorCode.VALIDATION_ERROR);
    assertEquals("malformed JSON", bytes.get("error").get("message").asText());
  }

  @Test
  void invalidUtf8Bytes() {
    byte[] body = {'{', '"', 'a', 'c', 't', 'i', 'o', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    JsonNode r = error(router(echo).route(body, CALLER), ErrorCode.VALIDATION_ERROR);

    assertEquals("message is not valid UTF-8", r.get("error").get("message").asText());
  }

  @Test
  void missingEmptyOrNonStringAction() {
    JsonNode missing = error(router(echo).route("{\"id\":\"c-9\",\"payload\":{}}", CALLER), ErrorCode.INVALID_ACTION);
    assertEquals("c-9", missing.get("id").asText());
    assertEquals("missing action", missing.get("error").get("message").asText());

    error(router(echo).route("{\"action\":\"\"}", CALLER), ErrorCode.INVALID_ACTION);
    error(router(echo).route("{\"action\":5}", CALLER), ErrorCode.INVALID_ACTION);
    error(router(echo).route("{\"action\":{\"name\":\"echo\"}}", CALLER), ErrorCode.INVALID_ACTION);
    error(router(echo).route("{\"action\":null}", CALLER), ErrorCode.INVALID_ACTION);
  }

  @Test
  void badClientIds() {
    JsonNode number = error(router(echo).route("{\"id\":7,\"action\":\"echo\"}", CALLER),
        ErrorCode.VALIDATION_ERROR);
    assertTrue(number.get("id").isNull());
    assertEquals("id must be a string", number.get("error").get("message").asText());

    String longId = "x".repeat(129);
    JsonNode tooLong = error(router(echo).route("{\"id\":\"" + longId + "\",\"action\":\"echo\"}", CALLER),
        ErrorCode.VALIDATION_ERROR);
    assertTrue(tooLong.get("id").isNull());
    assertFalse(tooLong.toString().contains(longId));
  }

  @Test
  void unknownActionIsEchoedTruncated() {
    JsonNode r = error(router(echo).route("{\"id\":\"c-3\",\"action\":\"nope\"}", CALLER), ErrorCode.INVALID_ACTION);
    assertEquals("unknown action \"nope\"", r.get("error").get("message").asText());
    assertEquals("c-3", r.get("id").asText());
    assertEquals("req-1", r.get("requestId").asText());

    String hostile = "<script>".repeat(500) + "\u0000\"}";
    String reply = router(echo).route("{\"action\":" + new ObjectMapperText().quote(hostile) + "}", CALLER);
    String message = error(reply, ErrorCode.INVALID_ACTION).get("error").get("message").asText();
    assertTrue(message.length() <= "unknown action \"\"".length() + Router.MAX_ECHOED_ACTION + 1, message);
    assertTrue(message.endsWith("…\""), message);
  }

  @Test
  void oversizeMessagesAreRejectedByUtf8Length() {
    Router router = router(echo);
    String prefix = "{\"action\":\"echo\",\"payload\":{\"text\":\"a\"},\"pad\":\"";
    String suffix = "\"}";
    int room = 131072 - prefix.length() - suffix.length();

    String atLimit = prefix + "x".repeat(room) + suffix;
    assertEquals(131072, atLimit.getBytes(StandardCharsets.UTF_8).length);
    assertEquals("result", RouterTest.type(router.route(atLimit, CALLER)));
    assertEquals("result", RouterTest.type(router.route(atLimit.getBytes(StandardCharsets.UTF_8), CALLER)));

    String overByOne = prefix + "x".repeat(room + 1) + suffix;
    assertTooLarge(router.route(overByOne, CALLER));
    assertTooLarge(router.route(overByOne.getBytes(StandardCharsets.UTF_8), CALLER));

    // 'é' is two UTF-8 bytes: 131072 chars, yet one byte too many.
    String multiByte = prefix + "x".repeat(room - 1) + "é" + suffix;
    assertEquals(131072, multiByte.length());
    assertEquals(131073, multiByte.getBytes(StandardCharsets.UTF_8).length);
    assertTooLarge(router.route(multiByte, CALLER));
    assertTooLarge(router.route(multiByte.getBytes(StandardCharsets.UTF_8), CALLER));

    // Four-byte characters (surrogate pairs) count four bytes each.
    String emoji = prefix + "x".repeat(room - 4) + "😀" + suffix;
    assertEquals(131072, emoji.getBytes(StandardCharsets.UTF_8).length);
    assertEquals("result", RouterTest.type(router.route(emoji, CALLER)));
    assertTooLarge(router.route(prefix + "x".repeat(room - 3) + "😀" + suffix, CALLER));
  }

  private static void assertTooLarge(String reply) {
    JsonNode r = error(reply, ErrorCode.VALIDATION_ERROR);
    assertEquals("message too large (at most 131072 bytes)", r.get("error").get("message").asText());
    assertEquals(131072, r.get("error").get("details").get("maxBytes").asInt());
  }

  @Test
  void deepNesting() {
    String deepPayload = "{\"action\":\"echo\",\"payload\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    JsonNode r = error(router(echo).route(deepPayload, CALLER), ErrorCode.VALIDATION_ERROR);
    assertEquals("payload nesting too deep (at most 64 levels)", r.get("error").get("message").asText());

    String unclosed = "{\"action\":\"echo\",\"payload\":" + "{\"a\":".repeat(10_000);
    error(router(echo).route(unclosed, CALLER), ErrorCode.VALIDATION_ERROR);

    String deepFrame = "[".repeat(10_000);
    error(router(echo).route(deepFrame, CALLER), ErrorCode.VALIDATION_ERROR);
  }

  @Test
  void hugeNumbers() {
    String longNumber = "1" + "0".repeat(300);
    JsonNode tooLong = error(router(echo).route(
        "{\"action\":\"echo\",\"payload\":{\"text\":\"a\",\"times\":" + longNumber + "}}", CALLER),
        ErrorCode.VALIDATION_ERROR);
    assertEquals("number too long (at most 200 characters)", tooLong.get("error").get("message").asText());

    JsonNode overflow = error(router(echo).route(
        "{\"action\":\"echo\",\"payload\":{\"text\":\"a\",\"times\":12345678901234}}", CALLER),
        ErrorCode.VALIDATION_ERROR);
    assertEquals("times: out of range for int", overflow.get("error").get("message").asText());
    assertEquals("times", overflow.get("error").get("details").get("path").asText());
  }

  @Test
  void wrongTypeNamesThePath() {
    JsonNode r = error(router(echo).route(
        "{\"id\":\"c-4\",\"action\":\"echo\",\"payload\":{\"text\":\"a\",\"times\":\"x\"}}", CALLER),
        ErrorCode.VALIDATION_ERROR);
    assertEquals("times: expected an integer", r.get("error").get("message").asText());
    assertEquals("times", r.get("error").get("details").get("path").asText());
    assertEquals("c-4", r.get("id").asText());
    assertEquals("req-1", r.get("requestId").asText());

    JsonNode nested = error(router(new OrderRoute()).route(
        "{\"action\":\"process_data\",\"payload\":{\"items\":[{\"sku\":\"a\",\"quantity\":1},"
            + "{\"sku\":\"b\",\"quantity\":true}]}}", CALLER), ErrorCode.VALIDATION_ERROR);
    assertEquals("items[1].quantity: expected an integer", nested.get("error").get("message").asText());

    error(router(echo).route("{\"action\":\"echo\"}", CALLER), ErrorCode.VALIDATION_ERROR);
    error(router(echo).route("{\"action\":\"echo\",\"payload\":[]}", CALLER), ErrorCode.VALIDATION_ERROR);
  }

  @Test
  void everyViolationIsReported() {
    String body = "{\"action\":\"process_data\",\"payload\":{\"items\":[{\"sku\":\"a\",\"quantity\":1},"
        + "{\"sku\":\" \",\"quantity\":0},{\"sku\":\"c\",\"quantity\":-4}]}}";

    JsonNode r = error(router(new OrderRoute()).route(body, CALLER), ErrorCode.VALIDATION_ERROR);

    assertEquals("payload has 3 constraint violations", r.get("error").get("message").asText());
    JsonNode violations = r.get("error").get("details").get("violations");
    assertEquals(3, violations.size());
    assertViolation(violations.get(0), "items[1].sku", "NotBlank", "must not be blank");
    assertViolation(violations.get(1), "items[1].quantity", "Min", "must be at least 1");
    assertViolation(violations.get(2), "items[2].quantity", "Min", "must be at least 1");
  }

  @Test
  void invalidAsyncRequestsAreNotQueued() {
    Router router = router(new ReportRoute("generate_report", 10_000, true, false));

    error(router.route("{\"action\":\"generate_report\",\"payload\":{\"recordCount\":-1}}", CALLER),
        ErrorCode.VALIDATION_ERROR);
    error(router.route("{\"action\":\"generate_report\",\"payload\":{\"recordCount\":\"x\"}}", CALLER),
        ErrorCode.VALIDATION_ERROR);

    assertEquals(0, queue.size());
  }

  private static void assertViolation(JsonNode v, String path, String constraint, String message) {
    assertEquals(path, v.get("path").asText());
    assertEquals(constraint, v.get("constraint").asText());
    assertEquals(message, v.get("message").asText());
  }

  @Test
  void streamerExceptionReachesTheClientAsIs() {
    JsonNode r = error(failing(() -> {
      throw new StreamerException(ErrorCode.NOT_FOUND, "no such report", Map.of("reportId", "r-1"), null);
    }), ErrorCode.NOT_FOUND);

    assertEquals("no such report", r.get("error").get("message").asText());
    assertEquals("r-1", r.get("error").get("details").get("reportId").asText());
    assertEquals("c-1", r.get("id").asText());
    assertEquals("req-1", r.get("requestId").asText());
  }

  @Test
  void retryableExceptionCarriesRetryInformation() {
    JsonNode r = error(failing(() -> {
      throw new RetryableException("billing is down", Duration.ofSeconds(30), new IOException(SECRET));
    }), ErrorCode.SERVICE_UNAVAILABLE);

    assertEquals("billing is down", r.get("error").get("message").asText());
    JsonNode retry = r.get("error").get("retry");
    assertTrue(retry.get("retryable").asBoolean());
    assertEquals(NOW.plusSeconds(30).toString(), retry.get("after").asText());
    assertFalse(r.toString().contains(SECRET));
  }

  @Test
  void fatalExceptionIsNotRetryable() {
    JsonNode r = error(failing(() -> {
      throw new FatalException(ErrorCode.TIMEOUT, "report too big to finish");
    }), ErrorCode.TIMEOUT);

    assertEquals("report too big to finish", r.get("error").get("message").asText());
    assertFalse(r.get("error").get("retry").get("retryable").asBoolean());
  }

  @Test
  void unexpectedExceptionsNeverLeakTheirMessage() {
    List<Callable<Object>> failures = List.of(
        () -> {
          throw new NullPointerException(SECRET);
        },
        () -> {
          throw new IOException(SECRET);
        },
        () -> {
          throw new IllegalStateException("wrapped", new RuntimeException(SECRET));
        },
        () -> {
          throw new AssertionError(SECRET);
        },
        () -> {
          // an action parsing JSON of its own: its parse fault is the server's, not the client's
          new ObjectMapper().readTree("{" + SECRET);
          return null;
        });
    for (Callable<Object> failure : failures) {
      String reply = failing(failure);
      JsonNode r = error(reply, ErrorCode.INTERNAL_ERROR);
      assertEquals("internal error", r.get("error").get("message").asText());
      assertFalse(reply.contains(SECRET), reply);
      assertFalse(reply.contains("s3cr3t"), reply);
      assertEquals("req-" + ids.get(), r.get("requestId").asText());
    }
  }

  /**
   * java.util.regex recurses per repetition of a group, so a user's {@code @Pattern("(a|b)+")} overflows the stack on
   * a long client string. That must be an error reply, not an exception out of the Lambda handler.
   */
  @Test
  void stackOverflowInValidationOrActionIsAnInternalError() {
    java.util.regex.Pattern alternation = java.util.regex.Pattern.compile("(a|b)+");
    Route<String, String> patterned = new TestRoutes.BaseRoute<>("patterned", -1, false) {
      @Override
      public String decode(JsonParser p) throws IOException {
        return p.getText();
      }

      @Override
      public void validate(String payload, Violations violations) {
        if (!alternation.matcher(payload).matches()) {
          violations.add("", "Pattern", "must match");
        }
      }

      @Override
      public String invoke(String payload, RequestContext context, Progress progress) {
        return payload;
      }

      @Override
      public void writeResult(String result, JsonGenerator g) throws IOException {
        g.writeString(result);
      }
    };
    String body = "{\"id\":\"c-1\",\"action\":\"patterned\",\"payload\":\"" + "ab".repeat(50_000) + "\"}";
    JsonNode r = error(router(patterned).route(body, CALLER), ErrorCode.INTERNAL_ERROR);
    assertEquals("c-1", r.get("id").asText());
    assertEquals("req-" + ids.get(), r.get("requestId").asText());

    error(failing(() -> {
      throw new StackOverflowError(SECRET);
    }), ErrorCode.INTERNAL_ERROR);
  }

  @Test
  void interruptedActionRestoresTheInterruptFlag() {
    try {
      error(failing(() -> {
        throw new InterruptedException(SECRET);
      }), ErrorCode.INTERNAL_ERROR);
      assertTrue(Thread.interrupted());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void resultThatCannotBeWrittenIsAnInternalError() {
    Route<Void, Object> badWriter = new CallRoute("bad_writer", () -> "value") {
      @Override
      public void writeResult(Object result, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("partial", SECRET);
        throw new IOException(SECRET);
      }
    };
    Route<Void, Object> writesNothing = new CallRoute("writes_nothing", () -> "value") {
      @Override
      public void writeResult(Object result, JsonGenerator g) {}
    };

    Router router = router(badWriter, writesNothing);
    String bad = router.route("{\"action\":\"bad_writer\"}", CALLER);
    error(bad, ErrorCode.INTERNAL_ERROR);
    assertFalse(bad.contains(SECRET));
    error(router.route("{\"action\":\"writes_nothing\"}", CALLER), ErrorCode.INTERNAL_ERROR);
  }

  @Test
  void interceptorReturningTheWrongTypeIsAnInternalError() {
    Router router = router(List.of(invocation -> 42), echo);

    error(router.route("{\"action\":\"echo\",\"payload\":{\"text\":\"a\"}}", CALLER), ErrorCode.INTERNAL_ERROR);
  }

  @Test
  void interceptorShortCircuitsSyncAndEnqueue() {
    Interceptor limiter = invocation -> {
      throw new StreamerException(ErrorCode.RATE_LIMITED, "slow down");
    };
    ReportRoute report = new ReportRoute("generate_report", 10_000, true, false);
    Router router = router(List.of(limiter), echo, report);

    JsonNode sync = error(router.route("{\"action\":\"echo\",\"payload\":{\"text\":\"a\"}}", CALLER),
        ErrorCode.RATE_LIMITED);
    assertEquals("slow down", sync.get("error").get("message").asText());
    assertTrue(sync.get("error").get("retry").get("retryable").asBoolean());
    assertNull(echo.lastContext, "the action must not run");

    error(router.route("{\"action\":\"generate_report\",\"payload\":{\"recordCount\":1}}", CALLER),
        ErrorCode.RATE_LIMITED);
    assertEquals(0, queue.size());
  }

  @Test
  void queueFailureIsServiceUnavailable() {
    RequestQueue down = request -> {
      throw new RetryableException("queue unavailable", new IOException(SECRET));
    };
    Router router = new Router(RouteTables.of("Test", new ReportRoute("generate_report", 10_000, true, false)), down,
        RouterConfig.builder().clock(CLOCK).build());

    String reply = router.route("{\"action\":\"generate_report\",\"payload\":{\"recordCount\":1}}", CALLER);

    JsonNode r = error(reply, ErrorCode.SERVICE_UNAVAILABLE);
    assertTrue(r.get("error").get("retry").get("retryable").asBoolean());
    assertFalse(reply.contains(SECRET));
  }

  @Test
  void failingIdGeneratorOrQueueWhenIsAnInternalError() {
    Router noIds = new Router(RouteTables.of("Test", echo), queue,
        RouterConfig.builder().idGenerator(() -> {
          throw new IllegalStateException(SECRET);
        }).build());
    error(noIds.route("{\"action\":\"echo\",\"payload\":{\"text\":\"a\"}}", CALLER), ErrorCode.INTERNAL_ERROR);

    ReportRoute brokenDecision = new ReportRoute("report", -1, false, true) {
      @Override
      public Boolean queueWhen(TestRoutes.Report payload) {
        throw new ArithmeticException(SECRET);
      }
    };
    String reply = router(brokenDecision).route("{\"action\":\"report\",\"payload\":{\"recordCount\":1}}", CALLER);
    error(reply, ErrorCode.INTERNAL_ERROR);
    assertNotEquals(-1, reply.indexOf("req-"));
  }

  private String failing(Callable<Object> body) {
    return router(new CallRoute("fail", body)).route("{\"id\":\"c-1\",\"action\":\"fail\"}", CALLER);
  }

  /** Quotes a string as a JSON string literal. */
  private static final class ObjectMapperText {
    String quote(String s) {
      try {
        return new ObjectMapper().writeValueAsString(s);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void aSyncResultOverApiGatewaysMessageLimitIsAnInternalErrorWithTheClientsId() {
    List<String> logged = new ArrayList<>();
    Router router = new Router(RouteTables.of("Test", echo), queue, RouterConfig.builder().clock(CLOCK)
        .idGenerator(() -> "req-" + ids.incrementAndGet())
        .internalErrors((failure, requestId, clientId, action, caller) -> logged.add(requestId + " " + clientId + " "
            + action + " " + failure.getMessage()))
        .build());
    // {"type":"result","id":"c-1","requestId":"req-1","success":true,"data":{"text":"…"}} is 82 bytes and the text
    String envelope = "{\"type\":\"result\",\"id\":\"c-1\",\"requestId\":\"req-1\",\"success\":true,"
        + "\"data\":{\"text\":\"\"}}";
    int fits = Limits.MAX_MESSAGE_BYTES - envelope.length();
    String exactly = router.route(echoOf("c-1", fits), CALLER);
    assertEquals(Limits.MAX_MESSAGE_BYTES, exactly.getBytes(StandardCharsets.UTF_8).length, "at the limit");
    assertEquals("result", Replies.parse(exactly).get("type").asText());

    JsonNode r = error(router.route(echoOf("c-1", fits + 1), CALLER), ErrorCode.INTERNAL_ERROR);
    assertEquals("c-1", r.get("id").asText());
    assertEquals("req-2", r.get("requestId").asText());
    assertEquals(Messages.RESULT_TOO_LARGE, r.get("error").get("message").asText());
    assertEquals(List.of("req-2 c-1 echo the reply of " + (Limits.MAX_MESSAGE_BYTES + 1)
        + " bytes exceeds API Gateway's message limit of 131072 bytes"), logged);
  }

  private static String echoOf(String id, int textLength) {
    return "{\"id\":\"" + id + "\",\"action\":\"echo\",\"payload\":{\"text\":\"" + "x".repeat(textLength)
        + "\",\"times\":1}}";
  }

  @Test
  void violationsBeyondAHundredAreCountedNotListedSoTheReplyStaysUnderTheLimit() {
    // a payload within the 128 KiB limit holding 40,000 empty items: two violations each
    String items = String.join(",", java.util.Collections.nCopies(40_000, "{}"));
    String reply = router(new OrderRoute()).route(
        "{\"id\":\"v-1\",\"action\":\"process_data\",\"payload\":{\"items\":[" + items + "]}}", CALLER);
    assertTrue(reply.getBytes(StandardCharsets.UTF_8).length <= Limits.MAX_MESSAGE_BYTES, "bytes: " + reply.length());
    JsonNode r = error(reply, ErrorCode.VALIDATION_ERROR);
    assertEquals("v-1", r.get("id").asText());
    assertEquals("payload has 80000 constraint violations (the first 100 listed)",
        r.get("error").get("message").asText());
    JsonNode listed = r.get("error").get("details").get("violations");
    assertEquals(Violations.MAX_REPORTED, listed.size());
    assertEquals("items[0].sku", listed.get(0).get("path").asText());
    assertEquals("items[49].quantity", listed.get(99).get("path").asText());
  }

  @Test
  void anErrorTooLargeToSendKeepsItsCodeAndSaysSo() {
    Map<String, Object> details = Map.of("dump", "d".repeat(Limits.MAX_MESSAGE_BYTES));
    JsonNode r = error(failing(() -> {
      throw new StreamerException(ErrorCode.FORBIDDEN, "forbidden", details, null);
    }), ErrorCode.FORBIDDEN);
    assertEquals("c-1", r.get("id").asText());
    assertEquals(Messages.ERROR_TOO_LARGE, r.get("error").get("message").asText());
    assertEquals(0, r.get("error").get("details").size());
  }
}
