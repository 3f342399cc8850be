package dev.streamer.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamer.core.protocol.JsonTexts;
import dev.streamer.core.testing.InMemoryRequestQueue;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever a client sends, the router answers with one well-formed JSON message: a result or a typed error. */
class RouterFuzzTest {

  private static final Set<String> CODES = Set.of("VALIDATION_ERROR", "INVALID_ACTION", "INTERNAL_ERROR");

  private final Router router = new Router(
      RouteTables.of("Fuzz", new TestRoutes.EchoRoute(), new TestRoutes.OrderRoute(),
          new TestRoutes.CallRoute("ping", () -> "pong")),
      new InMemoryRequestQueue());

  @Property(tries = 2000)
  void anyString(@ForAll String body) {
    check(router.route(body, RouterTest.CALLER));
  }

  @Property(tries = 1000)
  void anyBytes(@ForAll @Size(max = 300) byte[] body) {
    check(router.route(body, RouterTest.CALLER));
  }

  @Property(tries = 3000)
  void jsonLikeNoise(@ForAll("noise") String body) {
    check(router.route(body, RouterTest.CALLER));
  }

  @Property(tries = 3000)
  void editedValidMessages(@ForAll("edited") String body) {
    check(router.route(body, RouterTest.CALLER));
    check(router.route(body.getBytes(StandardCharsets.UTF_8), RouterTest.CALLER));
  }

  @Property(tries = 1000)
  void anyPayloadForARealAction(@ForAll("payloads") String payload) {
    String reply = router.route("{\"action\":\"process_data\",\"payload\":" + payload + "}", RouterTest.CALLER);
    JsonNode r = check(reply);
    if (r.get("type").asText().equals("error")) {
      assertEquals("VALIDATION_ERROR", r.get("error").get("code").asText(), reply);
    }
  }

  @Provide
  Arbitrary<String> noise() {
    return JsonTexts.jsonLikeNoise();
  }

  @Provide
  Arbitrary<String> payloads() {
    Arbitrary<String> items = Combinators.combine(JsonTexts.values(1), JsonTexts.values(1))
        .as((sku, quantity) -> "{\"sku\":" + sku + ",\"quantity\":" + quantity + "}");
    Arbitrary<String> orders = items.list().ofMaxSize(4).map(list -> "{\"items\":[" + String.join(",", list) + "]}");
    return Arbitraries.oneOf(orders, JsonTexts.values(3));
  }

  @Provide
  Arbitrary<String> edited() {
    Arbitrary<String> valid = Arbitraries.of(
        "{\"id\":\"c-1\",\"action\":\"echo\",\"payload\":{\"text\":\"héllo\",\"times\":2}}",
        "{\"action\":\"process_data\",\"payload\":{\"items\":[{\"sku\":\"a\",\"quantity\":1},{\"sku\":\"b\","
            + "\"quantity\":2}]}}",
        "{\"id\":\"c-2\",\"action\":\"ping\",\"payload\":null}");
    return JsonTexts.mutated(valid);
  }

  private static JsonNode check(String reply) {
    Replies.assertNothingInternal(reply);
    JsonNode r = Replies.parse(reply);
    String type = r.get("type").asText();
    assertTrue(type.equals("result") || type.equals("error"), reply);
    assertTrue(r.has("id") && r.has("requestId"), reply);
    if (type.equals("error")) {
      assertTrue(CODES.contains(r.get("error").get("code").asText()), reply);
      assertTrue(r.get("error").get("message").isTextual(), reply);
      if (r.get("error").get("code").asText().equals("INTERNAL_ERROR")) {
        throw new AssertionError("client input caused an internal error: " + reply);
      }
    }
    return r;
  }
}
