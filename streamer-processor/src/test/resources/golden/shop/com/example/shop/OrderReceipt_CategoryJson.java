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
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * JSON codec of record {@link OrderReceipt.Category}.
 *
 * <p>Reads it from a streaming parser (unknown fields are ignored, primitive
 * components are required) and writes every component. Generated from the record's components;
 * no reflection.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class OrderReceipt_CategoryJson implements JsonReader<OrderReceipt.Category>, JsonWriter<OrderReceipt.Category> {
  private static final OrderReceipt_CategoryJson CODEC = new OrderReceipt_CategoryJson();

  public static final JsonReader<OrderReceipt.Category> READER = CODEC;

  public static final JsonWriter<OrderReceipt.Category> WRITER = CODEC;

  private static final SerializedString FIELD_NAME = new SerializedString("name");

  private static final SerializedString FIELD_CHILDREN = new SerializedString("children");

  private OrderReceipt_CategoryJson() {
  }

  /**
   * Reads a {@code OrderReceipt.Category} from the parser positioned on its first token; null for JSON null.
   */
  @Override
  public OrderReceipt.Category read(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    JsonRead.startObject(p, "OrderReceipt.Category");
    String name = null;
    List<OrderReceipt.Category> children = null;
    String field;
    while ((field = p.nextFieldName()) != null) {
      p.nextToken();
      switch (field) {
        case "name" -> name = JsonRead.string(p);
        case "children" -> children = JsonRead.list(p, OrderReceipt_CategoryJson.READER);
        default -> JsonRead.skipValue(p);
      }
    }
    try {
      return new OrderReceipt.Category(name, children);
    } catch (RuntimeException e) {
      // the record's constructor rejected the values: a client error, reported without its message
      throw JsonDecodeException.of(JsonRead.path(p), "is not a valid OrderReceipt.Category");
    }
  }

  /**
   * Writes every component (nulls as null), or null.
   */
  @Override
  public void write(JsonGenerator g, OrderReceipt.Category v) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeFieldName(FIELD_NAME);
    JsonWrite.string(g, v.name());
    g.writeFieldName(FIELD_CHILDREN);
    JsonWrite.list(g, v.children(), OrderReceipt_CategoryJson.WRITER);
    g.writeEndObject();
  }
}
