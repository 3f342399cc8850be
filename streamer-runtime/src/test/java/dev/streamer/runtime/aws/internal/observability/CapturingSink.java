package dev.streamer.runtime.aws.internal.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link LogSink} for tests: keeps every line and parses them as JSON. */
public final class CapturingSink implements LogSink {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final List<String> lines = new CopyOnWriteArrayList<>();

  @Override
  public void write(String line) {
    lines.add(line);
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** Every line parsed; fails the test when a line is not one JSON object. */
  public List<JsonNode> json() {
    List<JsonNode> parsed = new ArrayList<>();
    for (String line : lines) {
      try {
        JsonNode node = MAPPER.readTree(line);
        if (!node.isObject()) {
          throw new AssertionError("not a JSON object: " + line);
        }
        parsed.add(node);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException("not JSON: " + line, e);
      }
    }
    return parsed;
  }

  /** Lines whose {@code message} is {@code message}. */
  public List<JsonNode> withMessage(String message) {
    return json().stream().filter(n -> message.equals(n.path("message").asText(null))).toList();
  }

  public void clear() {
    lines.clear();
  }
}
