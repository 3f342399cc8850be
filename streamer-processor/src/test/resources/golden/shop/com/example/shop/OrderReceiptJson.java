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
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * JSON codec of record {@link OrderReceipt}.
 *
 * <p>Reads it from a streaming parser (unknown fields are ignored, primitive
 * components are required) and writes every component. Generated from the record's components;
 * no reflection.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class OrderReceiptJson implements JsonReader<OrderReceipt>, JsonWriter<OrderReceipt> {
  private static final OrderReceiptJson CODEC = new OrderReceiptJson();

  public static final JsonReader<OrderReceipt> READER = CODEC;

  public static final JsonWriter<OrderReceipt> WRITER = CODEC;

  private static final SerializedString FIELD_ID = new SerializedString("id");

  private static final SerializedString FIELD_CREATED_AT = new SerializedString("createdAt");

  private static final SerializedString FIELD_ITEMS = new SerializedString("items");

  private static final SerializedString FIELD_TOTAL_CENTS = new SerializedString("totalCents");

  private static final SerializedString FIELD_CHECKSUMS = new SerializedString("checksums");

  private static final SerializedString FIELD_CATEGORY = new SerializedString("category");

  private OrderReceiptJson() {
  }

  /**
   * Reads a {@code OrderReceipt} from the parser positioned on its first token; null for JSON null.
   */
  @Override
  public OrderReceipt read(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    JsonRead.startObject(p, "OrderReceipt");
    UUID id = null;
    Instant createdAt = null;
    List<OrderItem> items = null;
    BigInteger totalCents = null;
    long[] checksums = null;
    OrderReceipt.Category category = null;
    String field;
    while ((field = p.nextFieldName()) != null) {
      p.nextToken();
      switch (field) {
        case "id" -> id = JsonRead.uuid(p);
        case "createdAt" -> createdAt = JsonRead.instant(p);
        case "items" -> items = JsonRead.list(p, OrderItemJson.READER);
        case "totalCents" -> totalCents = JsonRead.bigInteger(p);
        case "checksums" -> checksums = JsonRead.longArray(p);
        case "category" -> category = OrderReceipt_CategoryJson.READER.read(p);
        default -> JsonRead.skipValue(p);
      }
    }
    try {
      return new OrderReceipt(id, createdAt, items, totalCents, checksums, category);
    } catch (RuntimeException e) {
      // the record's constructor rejected the values: a client error, reported without its message
      throw JsonDecodeException.of(JsonRead.path(p), "is not a valid OrderReceipt");
    }
  }

  /**
   * Writes every component (nulls as null), or null.
   */
  @Override
  public void write(JsonGenerator g, OrderReceipt v) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeFieldName(FIELD_ID);
    JsonWrite.uuid(g, v.id());
    g.writeFieldName(FIELD_CREATED_AT);
    JsonWrite.instant(g, v.createdAt());
    g.writeFieldName(FIELD_ITEMS);
    JsonWrite.list(g, v.items(), OrderItemJson.WRITER);
    g.writeFieldName(FIELD_TOTAL_CENTS);
    JsonWrite.bigInteger(g, v.totalCents());
    g.writeFieldName(FIELD_CHECKSUMS);
    JsonWrite.longArray(g, v.checksums());
    g.writeFieldName(FIELD_CATEGORY);
    OrderReceipt_CategoryJson.WRITER.write(g, v.category());
    g.writeEndObject();
  }
}
