package com.example.shop;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.streamer.core.json.JsonDecodeException;
import dev.streamer.core.json.JsonRead;
import dev.streamer.core.json.JsonReader;
import dev.streamer.core.json.JsonWrite;
import dev.streamer.core.json.JsonWriter;
import java.io.IOException;
import javax.annotation.processing.Generated;

/**
 * JSON codec of record {@link Address}.
 *
 * <p>Reads it from a streaming parser (unknown fields are ignored, primitive
 * components are required) and writes every component. Generated from the record's components;
 * no reflection.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class AddressJson implements JsonReader<Address>, JsonWriter<Address> {
  private static final AddressJson CODEC = new AddressJson();

  public static final JsonReader<Address> READER = CODEC;

  public static final JsonWriter<Address> WRITER = CODEC;

  private static final SerializedString FIELD_STREET = new SerializedString("street");

  private static final SerializedString FIELD_CITY = new SerializedString("city");

  private static final SerializedString FIELD_LINES = new SerializedString("lines");

  private AddressJson() {
  }

  /**
   * Reads a {@code Address} from the parser positioned on its first token; null for JSON null.
   */
  @Override
  public Address read(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    JsonRead.startObject(p, "Address");
    String street = null;
    String city = null;
    String[] lines = null;
    String field;
    while ((field = p.nextFieldName()) != null) {
      p.nextToken();
      switch (field) {
        case "street" -> street = JsonRead.string(p);
        case "city" -> city = JsonRead.string(p);
        case "lines" -> lines = JsonRead.array(p, JsonRead.STRING, String[]::new);
        default -> JsonRead.skipValue(p);
      }
    }
    try {
      return new Address(street, city, lines);
    } catch (RuntimeException e) {
      // the record's constructor rejected the values: a client error, reported without its message
      throw JsonDecodeException.of(JsonRead.path(p), "is not a valid Address");
    }
  }

  /**
   * Writes every component (nulls as null), or null.
   */
  @Override
  public void write(JsonGenerator g, Address v) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeFieldName(FIELD_STREET);
    JsonWrite.string(g, v.street());
    g.writeFieldName(FIELD_CITY);
    JsonWrite.string(g, v.city());
    g.writeFieldName(FIELD_LINES);
    JsonWrite.array(g, v.lines(), JsonWrite.STRING);
    g.writeEndObject();
  }
}
