package dev.streamer.core.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads reply messages in tests. */
final class Replies {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Replies() {}

  /** Parses a reply, failing the test unless it is one well-formed JSON object. */
  static JsonNode parse(String reply) {
    try {
      JsonNode node = MAPPER.readTree(reply);
      assertTrue(node != null && node.isObject(), () -> "not a JSON object: " + reply);
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + reply, e);
    }
  }

  /** Fails when a reply shows signs of an internal exception: a class name or a stack frame. */
  static void assertNothingInternal(String reply) {
    assertFalse(reply.contains("Exception"), () -> "exception name in reply: " + reply);
    assertFalse(reply.contains("at dev."), () -> "stack frame in reply: " + reply);
    assertFalse(reply.contains("at java."), () -> "stack frame in reply: " + reply);
    assertFalse(reply.contains("jackson"), () -> "Jackson internals in reply: " + reply);
  }
}
