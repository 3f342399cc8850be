package dev.streamer.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** I-JSON (RFC 7493): invalid Unicode anywhere in the message is a VALIDATION_ERROR that still echoes a valid id. */
class EnvelopeUnicodeTest {

  private static final String LONE = "message contains an unpaired surrogate (invalid Unicode)";

  @Test
  void escapedLoneSurrogateInThePayloadKeepsTheId() {
    for (String payload : new String[] {"{\"message\":\"a\\ud800b\"}", "\"\\udc00\"", "[\"\\uD83D\"]",
        "{\"\\ud800\":1}", "{\"m\":\"\\ud83d\\u0041\"}"}) {
      String body = "{\"id\":\"c-1\",\"action\":\"echo\",\"payload\":" + payload + "}";
      assertFails(body, LONE, "c-1");
    }
  }

  @Test
  void loneSurrogateInTheIdIsNotEchoed() {
    assertFails("{\"id\":\"\\ud800\",\"action\":\"echo\",\"payload\":{\"message\":\"a\\ud800b\"}}", LONE, null);
    assertFails("{\"action\":\"echo\",\"id\":\"x\\udfff\"}", LONE, null);
  }

  @Test
  void loneSurrogateInTheActionOrAnyOtherFieldKeepsTheId() {
    assertFails("{\"id\":\"c-2\",\"action\":\"ec\\ud800ho\"}", LONE, "c-2");
    assertFails("{\"action\":\"echo\",\"extra\":\"\\ud800\",\"id\":\"c-3\"}", LONE, "c-3");
  }

  @Test
  void rawLoneSurrogateInText() {
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> Envelope.parse("{\"id\":\"c-4\",\"action\":\"echo\",\"payload\":\"a\ud800\"}"));
    assertEquals(LONE, e.getMessage());
    assertEquals("c-4", e.clientId());
    e = assertThrows(ProtocolException.class, () -> Envelope.parse("{\"id\":\"\udc00\",\"action\":\"echo\"}"));
    assertNull(e.clientId());
  }

  @Test
  void encodedSurrogateBytesAreNotUtf8AndKeepTheId() {
    byte[] prefix = "{\"id\":\"c-5\",\"action\":\"echo\",\"payload\":\"a".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[prefix.length + 5];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    body[prefix.length] = (byte) 0xED;
    body[prefix.length + 1] = (byte) 0xA0;
    body[prefix.length + 2] = (byte) 0x80;
    body[prefix.length + 3] = '"';
    body[prefix.length + 4] = '}';
    ProtocolException e = assertThrows(ProtocolException.class, () -> Envelope.parse(body));
    assertEquals("message is not valid UTF-8", e.getMessage());
    assertEquals("c-5", e.clientId());
  }

  @Test
  void pairedSurrogatesAndEscapedBackslashesAreAccepted() {
    for (String payload : new String[] {"\"\\ud83d\\ude00\"", "\"\\\\ud800\"", "\"😀\"", "{\"k\\ud83d\\ude00\":1}"}) {
      String body = "{\"id\":\"c\",\"action\":\"echo\",\"payload\":" + payload + "}";
      assertEquals(payload, Envelope.parse(body).payloadJson());
      assertEquals(payload, Envelope.parse(body.getBytes(StandardCharsets.UTF_8)).payloadJson());
    }
  }

  /** The same body as text and as UTF-8 bytes. */
  private static void assertFails(String body, String message, String clientId) {
    for (Function<String, Request> parse : java.util.List.<Function<String, Request>>of(Envelope::parse,
        s -> Envelope.parse(s.getBytes(StandardCharsets.UTF_8)))) {
      ProtocolException e = assertThrows(ProtocolException.class, () -> parse.apply(body), body);
      assertEquals(ErrorCode.VALIDATION_ERROR, e.code(), body);
      assertEquals(message, e.getMessage(), body);
      assertEquals(clientId, e.clientId(), body);
    }
  }
}
