package dev.streamer.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnicodeTest {

  @Property
  void bytesAgreeWithTheJdksStrictDecoderWhenThereIsNoBackslash(@ForAll @Size(max = 40) byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\\') {
        bytes[i] = 'x';
      }
    }
    assertEquals(strictlyValid(bytes), Unicode.firstProblem(bytes, 0, bytes.length) < 0);
  }

  @Property
  void validTextIsAcceptedAtEveryAlignment(@ForAll @Size(max = 30) String text, @ForAll @Size(max = 9) String pad) {
    String s = pad + text;
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    boolean valid = Unicode.firstProblem(s.replace('\\', 'x')) < 0;
    if (valid) {
      assertEquals(-1, Unicode.firstProblem(s.replace('\\', 'x').getBytes(StandardCharsets.UTF_8), 0, bytes.length));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\ud800", "a\\uD800b", "\\udc00", "\\ud83d\\u0041", "\\ud83dx", "x\\uDFFF",
      "\\\\\\ud800", "\\ud83d\\ud83d\\ude00"})
  void loneSurrogateEscapesAreFound(String json) {
    assertTrue(Unicode.firstProblem(json) >= 0, json);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    int at = Unicode.firstProblem(bytes, 0, bytes.length);
    assertTrue(at >= 0, json);
    assertTrue(Unicode.isEscape(bytes, at));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\ud83d\\ude00", "\\\\ud800", "\\\\\\\\ud800", "\\u00e9", "\\\"\\ud83d\\uDE00\\\"", "😀",
      "\\u", "\\ud8", "plain ascii text that is longer than eight bytes"})
  void pairsAndEscapedBackslashesAreFine(String json) {
    assertEquals(-1, Unicode.firstProblem(json), json);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    assertEquals(-1, Unicode.firstProblem(bytes, 0, bytes.length), json);
  }

  @Test
  void rawLoneSurrogatesInTextAreFound() {
    assertEquals(1, Unicode.firstProblem("a\ud800b"));
    assertEquals(1, Unicode.firstProblem("a\udc00"));
    assertEquals(0, Unicode.firstProblem("\ud800"));
    assertEquals(-1, Unicode.firstProblem("a\ud83d\ude00"));
    assertTrue(Unicode.hasLoneSurrogate("x\ud800"));
    assertFalse(Unicode.hasLoneSurrogate("x\ud83d\ude00"));
  }

  @Test
  void encodedSurrogatesOverlongsAndTruncationsAreBadUtf8() {
    byte[][] bad = {
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // U+D800 encoded
        {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
        {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // overlong
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
        {'a', (byte) 0xC3}, // truncated
        {(byte) 0x80}, // lone continuation
    };
    for (byte[] b : bad) {
      int at = Unicode.firstProblem(b, 0, b.length);
      assertTrue(at >= 0);
      assertFalse(Unicode.isEscape(b, at));
    }
  }

  private static boolean strictlyValid(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
