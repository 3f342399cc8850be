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
import java.math.BigDecimal;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * JSON codec of record {@link OrderItem}.
 *
 * <p>Reads it from a streaming parser (unknown fields are ignored, primitive
 * components are required) and writes every component. Generated from the record's components;
 * no reflection.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class OrderItemJson implements JsonReader<OrderItem>, JsonWriter<OrderItem> {
  private static final OrderItemJson CODEC = new OrderItemJson();

  public static final JsonReader<OrderItem> READER = CODEC;

  public static final JsonWriter<OrderItem> WRITER = CODEC;

  private static final SerializedString FIELD_SKU = new SerializedString("sku");

  private static final SerializedString FIELD_QUANTITY = new SerializedString("quantity");

  private static final SerializedString FIELD_PRICE = new SerializedString("price");

  private static final SerializedString FIELD_LABELS = new SerializedString("labels");

  private OrderItemJson() {
  }

  /**
   * Reads a {@code OrderItem} from the parser positioned on its first token; null for JSON null.
   */
  @Override
  public OrderItem read(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    JsonRead.startObject(p, "OrderItem");
    String sku = null;
    int quantity = 0;
    boolean hasQuantity = false;
    BigDecimal price = null;
    Set<String> labels = null;
    String field;
    while ((field = p.nextFieldName()) != null) {
      p.nextToken();
      switch (field) {
        case "sku" -> sku = JsonRead.string(p);
        case "quantity" -> {
          quantity = JsonRead.intValue(p);
          hasQuantity = true;
        }
        case "price" -> price = JsonRead.bigDecimal(p);
        case "labels" -> labels = JsonRead.set(p, JsonRead.STRING);
        default -> JsonRead.skipValue(p);
      }
    }
    if (!hasQuantity) {
      throw JsonRead.missing(p, "quantity");
    }
    try {
      return new OrderItem(sku, quantity, price, labels);
    } catch (RuntimeException e) {
      // the record's constructor rejected the values: a client error, reported without its message
      throw JsonDecodeException.of(JsonRead.path(p), "is not a valid OrderItem");
    }
  }

  /**
   * Writes every component (nulls as null), or null.
   */
  @Override
  public void write(JsonGenerator g, OrderItem v) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeFieldName(FIELD_SKU);
    JsonWrite.string(g, v.sku());
    g.writeFieldName(FIELD_QUANTITY);
    g.writeNumber(v.quantity());
    g.writeFieldName(FIELD_PRICE);
    JsonWrite.bigDecimal(g, v.price());
    g.writeFieldName(FIELD_LABELS);
    JsonWrite.list(g, v.labels(), JsonWrite.STRING);
    g.writeEndObject();
  }
}
