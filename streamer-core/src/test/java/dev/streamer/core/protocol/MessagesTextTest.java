package dev.streamer.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A message written as text (Jackson's character generator: what the router answers a text frame with) is exactly
 * what the same message written as UTF-8 bytes decodes to, whatever its strings hold: escapes, controls, characters
 * outside the BMP, and unpaired surrogates, which UTF-8 cannot encode and both write as an escape.
 */
class MessagesTextTest {

  @Property(tries = 3000)
  void errorAsTextIsItsBytesDecoded(@ForAll("awkward") String id, @ForAll("awkward") String message,
      @ForAll("awkward") String detail) {
    StreamerError error = new StreamerError(ErrorCode.VALIDATION_ERROR, message, Map.of(detail, List.of(detail)),
        null);
    assertEquals(decoded(Messages.errorUtf8(id, "r-1", error)), Messages.error(id, "r-1", error));
  }

  @Property(tries = 1000)
  void ackAsTextIsItsBytesDecoded(@ForAll("awkward") String id, @ForAll("awkward") String action) {
    assertEquals(decoded(Messages.ackUtf8(id, "r-1", action)), Messages.ack(id, "r-1", action));
  }

  @Property(tries = 3000)
  void resultAsTextIsItsBytesDecoded(@ForAll("awkward") String id, @ForAll("awkward") String value)
      throws IOException {
    Messages.DataWriter data = g -> {
      g.writeStartObject();
      g.writeStringField(value, value);
      g.writeEndObject();
    };
    assertEquals(decoded(Messages.resultUtf8(id, "r-1", data)), Messages.result(id, "r-1", data));
  }

  @Example
  void anUnpairedSurrogateIsEscapedAsTheByteGeneratorEscapesIt() throws IOException {
    String text = Messages.result("c", "r", g -> g.writeString("a\ud800b\udfff\ud83d\ude00"));
    assertEquals("{\"type\":\"result\",\"id\":\"c\",\"requestId\":\"r\",\"success\":true,"
        + "\"data\":\"a\\uD800b\\uDFFF\ud83d\ude00\"}", text);
  }

  @Provide
  Arbitrary<String> awkward() {
    return Arbitraries.strings().withChars('a', 'é', '"', '\\', '/', '\u0000', '\u001f', '\u007f', '\u2028',
        '\ufeff', '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00').ofMaxLength(8);
  }

  private static String decoded(byte[] utf8) {
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
