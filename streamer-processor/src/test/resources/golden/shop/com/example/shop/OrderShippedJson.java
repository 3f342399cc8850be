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
import java.time.Instant;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * JSON codec of record {@link OrderShipped}.
 *
 * <p>Reads it from a streaming parser (unknown fields are ignored, primitive
 * components are required) and writes every component. Generated from the record's components;
 * no reflection.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class OrderShippedJson implements JsonReader<OrderShipped>, JsonWriter<OrderShipped> {
  private static final OrderShippedJson CODEC = new OrderShippedJson();

  public static final JsonReader<OrderShipped> READER = CODEC;

  public static final JsonWriter<OrderShipped> WRITER = CODEC;

  private static final SerializedString FIELD_ORDER_ID = new SerializedString("orderId");

  private static final SerializedString FIELD_SHIPPED_AT = new SerializedString("shippedAt");

  private static final SerializedString FIELD_PRIORITY = new SerializedString("priority");

  private OrderShippedJson() {
  }

  /**
   * Reads a {@code OrderShipped} from the parser positioned on its first token; null for JSON null.
   */
  @Override
  public OrderShipped read(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    JsonRead.startObject(p, "OrderShipped");
    UUID orderId = null;
    Instant shippedAt = null;
    Priority priority = null;
    String field;
    while ((field = p.nextFieldName()) != null) {
      p.nextToken();
      switch (field) {
        case "orderId" -> orderId = JsonRead.uuid(p);
        case "shippedAt" -> shippedAt = JsonRead.instant(p);
        case "priority" -> priority = PriorityJson.READER.read(p);
        default -> JsonRead.skipValue(p);
      }
    }
    try {
      return new OrderShipped(orderId, shippedAt, priority);
    } catch (RuntimeException e) {
      // the record's constructor rejected the values: a client error, reported without its message
      throw JsonDecodeException.of(JsonRead.path(p), "is not a valid OrderShipped");
    }
  }

  /**
   * Writes every component (nulls as null), or null.
   */
  @Override
  public void write(JsonGenerator g, OrderShipped v) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeFieldName(FIELD_ORDER_ID);
    JsonWrite.uuid(g, v.orderId());
    g.writeFieldName(FIELD_SHIPPED_AT);
    JsonWrite.instant(g, v.shippedAt());
    g.writeFieldName(FIELD_PRIORITY);
    PriorityJson.WRITER.write(g, v.priority());
    g.writeEndObject();
  }
}
