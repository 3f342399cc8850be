package dev.streamer.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeTest {

  @Test
  void readsTheThreeFields() {
    Request r = Envelope.parse("{\"id\":\"c-1\",\"action\":\"generate_report\",\"payload\":{\"recordCount\":5000}}");

    assertEquals(new Request("c-1", "generate_report", "{\"recordCount\":5000}"), r);
  }

  @Test
  void fieldsMayComeInAnyOrderAndUnknownOnesAreIgnored() {
    Request r = Envelope.parse(
        "{\"extra\":{\"id\":\"nested\",\"action\":[1]},\"payload\":[1, 2],\"version\":3,\"action\":\"a\",\"id\":\"c\"}");

    assertEquals(new Request("c", "a", "[1, 2]"), r);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{ \"a\" :\t[ 1 , {\"b\" : null} ] ,\n \"c\": \"\\u00e9\\\"}\" }",
      "[]", "{}", "\"text with \\\" quote and } brace\"", "\"\"", "-0.5e+10", "1.50", "0", "123456789012345678901234567890",
      "true", "false", "null", "\"😀 é\""})
  void payloadIsKeptExactlyAsWritten(String payload) {
    assertEquals(payload, Envelope.parse("{\"action\":\"a\",\"payload\":" + payload + "}").payloadJson());
    assertEquals(payload, Envelope.parse("{\"payload\":  " + payload + "  ,\"action\":\"a\"}").payloadJson());
    assertEquals(payload, Envelope.parse(("{\"action\":\"a\",\"payload\":" + payload + "}")
        .getBytes(StandardCharsets.UTF_8)).payloadJson());
  }

  @Test
  void absentOrNullPayloadAndIdAreNulls() {
    assertEquals(new Request(null, "a", "null"), Envelope.parse("{\"action\":\"a\"}"));
    assertEquals(new Request(null, "a", "null"), Envelope.parse("{\"id\":null,\"action\":\"a\",\"payload\":null}"));
    assertNull(Envelope.parse(" {\"action\":\"a\"} \n").id());
  }

  @Test
  void idUpTo128Characters() {
    String id = "i".repeat(128);
    assertEquals(id, Envelope.parse("{\"id\":\"" + id + "\",\"action\":\"a\"}").id());

    ProtocolException e = fails("{\"id\":\"" + id + "x\",\"action\":\"a\"}", ErrorCode.VALIDATION_ERROR);
    assertEquals("id must be at most 128 characters", e.getMessage());
    assertNull(e.clientId());
  }

  @Test
  void malformedJsonIsAValidationError() {
    ProtocolException e = fails("{\"id\":\"c-1\",\"action\":\"a\",", ErrorCode.VALIDATION_ERROR);
    assertEquals("malformed JSON", e.getMessage());
    assertEquals("c-1", e.clientId());
    assertEquals(1, e.details().get("line"));

    fails("{'action':'a'}", ErrorCode.VALIDATION_ERROR);
    fails("{\"action\":\"a\",}", ErrorCode.VALIDATION_ERROR);
    fails("{\"action\":\"a\"} // comment", ErrorCode.VALIDATION_ERROR);
    fails("{\"action\":\"a\",\"payload\":NaN}", ErrorCode.VALIDATION_ERROR);
    fails("{\"action\":\"a\",\"payload\":01}", ErrorCode.VALIDATION_ERROR);
    fails("[1, 2", ErrorCode.VALIDATION_ERROR);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "[]", "\"a\"", "1", "null", "true"})
  void aMessageMustBeAnObject(String body) {
    fails(body, ErrorCode.VALIDATION_ERROR);
  }

  @Test
  void actionProblemsAreInvalidAction() {
    assertEquals("missing action", fails("{\"id\":\"c\"}", ErrorCode.INVALID_ACTION).getMessage());
    assertEquals("action must not be empty", fails("{\"action\":\"\"}", ErrorCode.INVALID_ACTION).getMessage());
    assertEquals("action must be a string", fails("{\"action\":7}", ErrorCode.INVALID_ACTION).getMessage());
    assertEquals("action must be a string", fails("{\"action\":[\"a\"]}", ErrorCode.INVALID_ACTION).getMessage());
    assertEquals("action must be a string", fails("{\"action\":null}", ErrorCode.INVALID_ACTION).getMessage());
  }

  @Test
  void theIdIsEchoedWhereverItAppears() {
    assertEquals("c", fails("{\"action\":7,\"id\":\"c\"}", ErrorCode.INVALID_ACTION).clientId());
    assertEquals("c", fails("{\"payload\":{},\"id\":\"c\"}", ErrorCode.INVALID_ACTION).clientId());
  }

  @Test
  void aBadIdOutranksOtherProblems() {
    ProtocolException e = fails("{\"action\":7,\"id\":{}}", ErrorCode.VALIDATION_ERROR);
    assertEquals("id must be a string", e.getMessage());
    assertNull(e.clientId());
  }

  @Test
  void duplicateFieldsAreRejected() {
    assertEquals("duplicate field \"action\"",
        fails("{\"action\":\"a\",\"action\":\"b\"}", ErrorCode.VALIDATION_ERROR).getMessage());
    fails("{\"id\":\"a\",\"id\":\"b\",\"action\":\"a\"}", ErrorCode.VALIDATION_ERROR);
    fails("{\"action\":\"a\",\"payload\":1,\"payload\":2}", ErrorCode.VALIDATION_ERROR);
  }

  @Test
  void contentAfterTheObjectIsRejected() {
    assertEquals("unexpected content after the message",
        fails("{\"action\":\"a\"} {\"action\":\"b\"}", ErrorCode.VALIDATION_ERROR).getMessage());
    fails("{\"action\":\"a\"}x", ErrorCode.VALIDATION_ERROR);
  }

  @Test
  void readLimitsGiveFixedMessages() {
    String deep = "{\"action\":\"a\",\"payload\":" + "[".repeat(100) + "]".repeat(100) + "}";
    assertEquals("payload nesting too deep (at most 64 levels)", fails(deep, ErrorCode.VALIDATION_ERROR).getMessage());

    String longNumber = "{\"action\":\"a\",\"payload\":" + "9".repeat(201) + "}";
    assertEquals("number too long (at most 200 characters)",
        fails(longNumber, ErrorCode.VALIDATION_ERROR).getMessage());
    String longFraction = "{\"action\":\"a\",\"payload\":0." + "1".repeat(300) + "}";
    fails(longFraction, ErrorCode.VALIDATION_ERROR);
  }

  @Test
  void nestingUpToTheLimitIsAccepted() {
    // the envelope object is one level; the payload may use the other 63
    String payload = "[".repeat(63) + "]".repeat(63);
    assertEquals(payload, Envelope.parse("{\"action\":\"a\",\"payload\":" + payload + "}").payloadJson());
  }

  @Test
  void invalidUtf8IsRejected() {
    byte[] overlong = {'{', '"', 'a', 'c', 't', 'i', 'o', 'n', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
    assertEquals("message is not valid UTF-8", fails(overlong).getMessage());

    byte[] truncated = "{\"action\":\"é\"}".getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(truncated, 13); // ends inside the two bytes of 'é'
    fails(cut);
  }

  @Test
  void protocolExceptionsCarryNoStackTrace() {
    assertEquals(0, fails("nope", ErrorCode.VALIDATION_ERROR).getStackTrace().length);
  }

  private static ProtocolException fails(String body, ErrorCode code) {
    ProtocolException e = assertThrows(ProtocolException.class, () -> Envelope.parse(body));
    assertEquals(code, e.code(), body);
    return e;
  }

  private static ProtocolException fails(byte[] body) {
    ProtocolException e = assertThrows(ProtocolException.class, () -> Envelope.parse(body));
    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    return e;
  }
}
