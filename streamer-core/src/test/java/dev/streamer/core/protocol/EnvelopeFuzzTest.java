package dev.streamer.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever the input, the envelope parser returns a request or throws its typed error, nothing else. */
class EnvelopeFuzzTest {

  private static final Set<ErrorCode> PROTOCOL_CODES = Set.of(ErrorCode.VALIDATION_ERROR, ErrorCode.INVALID_ACTION);

  @Property(tries = 2000)
  void anyBytes(@ForAll @Size(max = 300) byte[] body) {
    survives(() -> Envelope.parse(body));
  }

  @Property(tries = 2000)
  void anyString(@ForAll String body) {
    survives(() -> Envelope.parse(body));
  }

  @Property(tries = 3000)
  void jsonLikeNoise(@ForAll("noise") String body) {
    survives(() -> Envelope.parse(body));
  }

  @Property(tries = 3000)
  void editedValidMessages(@ForAll("edited") String body) {
    survives(() -> Envelope.parse(body));
    survives(() -> Envelope.parse(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Example
  void everyTruncationOfAValidMessage() {
    String message = "{\"id\":\"c-1\",\"action\":\"process_data\",\"payload\":{\"items\":[{\"sku\":\"a\\u00e9\","
        + "\"quantity\":-1.5e3},null,true],\"note\":\"😀\"},\"x\":[]}";
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < message.length(); i++) {
      String prefix = message.substring(0, i);
      survives(() -> Envelope.parse(prefix));
    }
    for (int i = 0; i < bytes.length; i++) {
      byte[] prefix = java.util.Arrays.copyOf(bytes, i);
      survives(() -> Envelope.parse(prefix));
    }
  }

  @Property(tries = 300)
  void deepNesting(@ForAll @IntRange(min = 1, max = 20_000) int depth, @ForAll boolean objects,
      @ForAll boolean closed) {
    String open = objects ? "{\"a\":" : "[";
    String close = objects ? "}" : "]";
    String payload = open.repeat(depth) + (objects ? "1" : "") + (closed ? close.repeat(depth) : "");
    String body = "{\"action\":\"a\",\"payload\":" + payload + "}";
    Request request = survives(() -> Envelope.parse(body));
    if (depth >= 64) {
      assertEquals(null, request, "nesting of " + (depth + 1) + " levels must be rejected");
    }
  }

  @Property(tries = 1000)
  void payloadTextIsPreservedExactly(@ForAll("jsonValues") String payload, @ForAll("whitespace") String ws,
      @ForAll boolean payloadFirst) {
    String body = payloadFirst
        ? "{" + ws + "\"payload\"" + ws + ":" + ws + payload + ws + "," + ws + "\"action\":\"a\"}"
        : "{\"id\":\"c\",\"action\":\"a\"," + ws + "\"payload\"" + ws + ":" + ws + payload + ws + "}";

    Request request = Envelope.parse(body);

    assertEquals(payload, request.payloadJson());
    assertEquals("a", request.action());
    assertEquals(payload, Envelope.parse(body.getBytes(StandardCharsets.UTF_8)).payloadJson());
  }

  @Provide
  Arbitrary<String> noise() {
    return JsonTexts.jsonLikeNoise();
  }

  @Provide
  Arbitrary<String> edited() {
    Arbitrary<String> valid = Combinators.combine(JsonTexts.values(3), Arbitraries.of("echo", "", "x"))
        .as((payload, action) -> "{\"id\":\"c-1\",\"action\":" + JsonTexts.quote(action) + ",\"payload\":"
            + payload + "}");
    return JsonTexts.mutated(valid);
  }

  @Provide
  Arbitrary<String> jsonValues() {
    return JsonTexts.values(4);
  }

  @Provide
  Arbitrary<String> whitespace() {
    return Arbitraries.of("", " ", "\n\t", "\r\n   ");
  }

  /** Runs a parse; returns the request, or null after checking that the failure was a typed protocol error. */
  private static Request survives(ParseCall call) {
    try {
      Request request = call.parse();
      assertNotNull(request.action());
      assertTrue(!request.action().isEmpty());
      return request;
    } catch (ProtocolException e) {
      assertTrue(PROTOCOL_CODES.contains(e.code()), e.code().name());
      assertNotNull(e.getMessage());
      return null;
    }
  }

  @FunctionalInterface
  private interface ParseCall {
    Request parse();
  }
}
