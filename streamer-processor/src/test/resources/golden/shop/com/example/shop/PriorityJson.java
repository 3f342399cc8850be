package com.example.shop;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.streamer.core.json.JsonRead;
import dev.streamer.core.json.JsonReader;
import dev.streamer.core.json.JsonWriter;
import java.io.IOException;
import javax.annotation.processing.Generated;

/**
 * JSON codec of enum {@link Priority}.
 *
 * <p>Constants by name (LOW, NORMAL, HIGH); an unknown name is a decode error. No reflection.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class PriorityJson implements JsonReader<Priority>, JsonWriter<Priority> {
  private static final PriorityJson CODEC = new PriorityJson();

  public static final JsonReader<Priority> READER = CODEC;

  public static final JsonWriter<Priority> WRITER = CODEC;

  private PriorityJson() {
  }

  /**
   * Reads a {@code Priority} from its constant name; null for JSON null.
   */
  @Override
  public Priority read(JsonParser p) throws IOException {
    String value = JsonRead.string(p);
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "LOW" -> Priority.LOW;
      case "NORMAL" -> Priority.NORMAL;
      case "HIGH" -> Priority.HIGH;
      default -> throw JsonRead.unknownEnum(p, value, "LOW, NORMAL, HIGH");
    };
  }

  /**
   * Writes the constant name, or null.
   */
  @Override
  public void write(JsonGenerator g, Priority v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      g.writeString(v.name());
    }
  }
}
