package dev.streamer.core.routing;

import static dev.streamer.core.routing.RouterTest.CALLER;
import static dev.streamer.core.routing.RouterTest.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.json.JsonRead;
import dev.streamer.core.validation.Violations;
import java.io.IOException;
import dev.streamer.core.json.JsonDecodeException;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.routing.TestRoutes.EchoRoute;
import dev.streamer.core.routing.TestRoutes.ReportRoute;
import dev.streamer.core.testing.InMemoryRequestQueue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payload decoded in the envelope's pass, from bytes and text alike; invalid Unicode in every place. */
class RouterOnePassTest {

  final InMemoryRequestQueue queue = new InMemoryRequestQueue();
  final EchoRoute echo = new EchoRoute();
  final ReportRoute report = new ReportRoute("generate_report", 60_000, true, false);

  Router router() {
    RouterConfig config = RouterConfig.builder().clock(CLOCK).idGenerator(() -> "req-1").build();
    return new Router(RouteTables.of("Test", echo, report), queue, config);
  }

  /** Routes {@code body} as text and as bytes; both replies must be the same. */
  String route(String body) {
    String text = router().route(body, CALLER);
    String bytes = router().route(body.getBytes(StandardCharsets.UTF_8), CALLER);
    assertEquals(text, bytes, body);
    return text;
  }

  @Test
  void payloadBeforeOrAfterTheActionGivesTheSameReply() {
    String first = route("{\"id\":\"c\",\"action\":\"echo\",\"payload\":{\"text\":\"é😀\",\"times\":2}}");
    String last = route("{\"payload\":{\"text\":\"é😀\",\"times\":2},\"id\":\"c\",\"action\":\"echo\"}");
    assertEquals(first, last);
    assertEquals("é😀é😀", Replies.parse(first).get("data").get("text").asText());
  }

  @Test
  void decodeFaultPathsAreWithinThePayloadWhateverTheFieldOrder() {
    for (String payload : List.of("{\"text\":\"a\",\"times\":\"x\"}", "{\"times\":1}", "[1]", "\"x\"",
        "{\"text\":[1]}")) {
      String first = route("{\"id\":\"c\",\"action\":\"echo\",\"payload\":" + payload + "}");
      String last = route("{\"payload\":" + payload + ",\"id\":\"c\",\"action\":\"echo\"}");
      assertEquals(last, first, payload);
      JsonNode error = RouterErrorTest.error(first, ErrorCode.VALIDATION_ERROR);
      assertTrue(!error.get("error").get("details").get("path").asText().startsWith("payload"), first);
    }
    JsonNode times = RouterErrorTest.error(
        route("{\"action\":\"echo\",\"payload\":{\"text\":\"a\",\"times\":\"x\"}}"), ErrorCode.VALIDATION_ERROR);
    assertEquals("times", times.get("error").get("details").get("path").asText());
  }

  /** Decodes {"inner": {"n": int}} as generated decoders do: paths from the parser's context (JsonRead). */
  static final class ContextRoute extends TestRoutes.BaseRoute<Integer, Integer> {
    ContextRoute() {
      super("context", -1, false);
    }

    @Override
    public Integer decode(JsonParser p) throws IOException {
      JsonRead.startObject(p, "Outer");
      Integer n = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        p.nextToken();
        JsonRead.startObject(p, "Inner");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          p.nextToken();
          n = JsonRead.intValue(p);
        }
        if (n == null) {
          throw JsonRead.missing(p, "n");
        }
      }
      return n;
    }

    @Override
    public void validate(Integer payload, Violations violations) {}

    @Override
    public Integer invoke(Integer payload, RequestContext context, Progress progress) {
      return payload;
    }

    @Override
    public void writeResult(Integer result, JsonGenerator g) throws IOException {
      g.writeNumber(result);
    }
  }

  @Test
  void parserContextPathsAreWithinThePayload() {
    Router router = new Router(RouteTables.of("Test", new ContextRoute()), queue,
        RouterConfig.builder().clock(CLOCK).idGenerator(() -> "req-1").build());
    for (String[] c : new String[][] {{"{\"inner\":{\"n\":\"x\"}}", "inner.n"}, {"{\"inner\":{}}", "inner.n"},
        {"{\"inner\":[1]}", "inner"}, {"[]", ""}, {"{\"inner\":{\"n\":1.5}}", "inner.n"}}) {
      for (String body : List.of("{\"action\":\"context\",\"payload\":" + c[0] + "}",
          "{\"payload\":" + c[0] + ",\"action\":\"context\"}")) {
        JsonNode r = RouterErrorTest.error(router.route(body.getBytes(StandardCharsets.UTF_8), CALLER),
            ErrorCode.VALIDATION_ERROR);
        assertEquals(c[1], r.get("error").get("details").get("path").asText(), body);
        assertEquals(r, RouterErrorTest.error(router.route(body, CALLER), ErrorCode.VALIDATION_ERROR), body);
      }
    }
  }

  @Test
  void envelopeFaultsOutrankAPayloadThatDoesNotDecode() {
    // the payload fails to decode in the pass (text missing); the duplicate action found later is what is reported
    JsonNode r = RouterErrorTest.error(
        route("{\"id\":\"c\",\"action\":\"echo\",\"payload\":{\"times\":[1,{\"a\":2}]},\"action\":\"x\"}"),
        ErrorCode.VALIDATION_ERROR);
    assertEquals("duplicate field \"action\"", r.get("error").get("message").asText());
    JsonNode malformed = RouterErrorTest.error(
        route("{\"id\":\"c\",\"action\":\"echo\",\"payload\":{\"times\":[1,{\"a\":2}]}"), ErrorCode.VALIDATION_ERROR);
    assertEquals("malformed JSON", malformed.get("error").get("message").asText());
    assertEquals("c", malformed.get("id").asText());
  }

  @Test
  void aPayloadFaultIsReportedWithItsPathOnceTheEnvelopeIsValid() {
    JsonNode r = RouterErrorTest.error(
        route("{\"id\":\"c\",\"action\":\"echo\",\"payload\":{\"times\":[1,{\"a\":[2]}],\"x\":1},\"extra\":[1]}"),
        ErrorCode.VALIDATION_ERROR);
    assertEquals("c", r.get("id").asText());
  }

  @Test
  void queuedRequestsStoreThePayloadByteForByte() {
    String payload = "{ \"recordCount\" : 5000 , \"note\":\"é😀\\u00e9\" }";
    String body = "{\"id\":\"c\",\"action\":\"generate_report\",\"payload\":" + payload + "}";
    router().route(body, CALLER);
    assertEquals(payload, queue.drain().get(0).payload());
    router().route(body.getBytes(StandardCharsets.UTF_8), CALLER);
    assertEquals(1, queue.requests().size());
    assertTrue(queue.requests().stream().allMatch(q -> q.payload().equals(payload)));
  }

  @Test
  void loneSurrogatesAreRejectedInTheEnvelopeAndThePayload() {
    // issue 10, case 8: nothing reaches the action, and the reply echoes the id when the id itself is valid
    JsonNode payload = RouterErrorTest.error(
        route("{\"id\":\"c-1\",\"action\":\"echo\",\"payload\":{\"text\":\"a\\ud800b\"}}"), ErrorCode.VALIDATION_ERROR);
    assertEquals("c-1", payload.get("id").asText());
    JsonNode id = RouterErrorTest.error(
        route("{\"id\":\"\\ud800\",\"action\":\"echo\",\"payload\":{\"text\":\"a\\ud800b\"}}"), ErrorCode.VALIDATION_ERROR);
    assertTrue(id.get("id").isNull());
    JsonNode action = RouterErrorTest.error(route("{\"id\":\"c-2\",\"action\":\"e\\udc00\"}"), ErrorCode.VALIDATION_ERROR);
    assertEquals("c-2", action.get("id").asText());
    JsonNode raw = RouterErrorTest.error(router().route("{\"id\":\"c-3\",\"action\":\"echo\",\"payload\":{\"text\":\"\ud800\"}}",
        CALLER), ErrorCode.VALIDATION_ERROR);
    assertEquals("c-3", raw.get("id").asText());
    assertEquals(null, echo.lastContext);
  }

  @Test
  void storedPayloadsAreCheckedWhenReadBack() {
    for (String stored : List.of("{\"text\":\"a\\ud800\"}", "{\"text\":\"a\ud800\"}", "{\"text\":\"\\udfff\"}")) {
      JsonDecodeException e = assertThrows(JsonDecodeException.class,
          () -> RouteExecutor.decodeAndValidate(echo, stored));
      assertTrue(e.getMessage().contains("unpaired surrogate"), e.getMessage());
    }
    assertEquals("😀", assertDoesNotThrowDecode("{\"text\":\"\\ud83d\\ude00\"}"));
  }

  private String assertDoesNotThrowDecode(String stored) {
    try {
      return RouteExecutor.decodeAndValidate(echo, stored).text();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
