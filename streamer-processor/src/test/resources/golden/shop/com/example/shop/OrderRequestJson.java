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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * JSON codec of record {@link OrderRequest}.
 *
 * <p>Reads it from a streaming parser (unknown fields are ignored, primitive
 * components are required) and writes every component. Generated from the record's components;
 * no reflection.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class OrderRequestJson implements JsonReader<OrderRequest>, JsonWriter<OrderRequest> {
  private static final OrderRequestJson CODEC = new OrderRequestJson();

  public static final JsonReader<OrderRequest> READER = CODEC;

  public static final JsonWriter<OrderRequest> WRITER = CODEC;

  private static final SerializedString FIELD_CUSTOMER = new SerializedString("customer");

  private static final SerializedString FIELD_EMAIL = new SerializedString("email");

  private static final SerializedString FIELD_ITEMS = new SerializedString("items");

  private static final SerializedString FIELD_PRIORITY = new SerializedString("priority");

  private static final SerializedString FIELD_NOTE = new SerializedString("note");

  private static final SerializedString FIELD_TAGS = new SerializedString("tags");

  private static final SerializedString FIELD_COUNTRY = new SerializedString("country");

  private static final SerializedString FIELD_DELIVER_BY = new SerializedString("deliverBy");

  private static final SerializedString FIELD_SHIP_TO = new SerializedString("shipTo");

  private OrderRequestJson() {
  }

  /**
   * Reads a {@code OrderRequest} from the parser positioned on its first token; null for JSON null.
   */
  @Override
  public OrderRequest read(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    JsonRead.startObject(p, "OrderRequest");
    String customer = null;
    String email = null;
    List<OrderItem> items = null;
    Priority priority = null;
    Optional<String> note = Optional.empty();
    Map<String, Integer> tags = null;
    String country = null;
    LocalDate deliverBy = null;
    Optional<Address> shipTo = Optional.empty();
    String field;
    while ((field = p.nextFieldName()) != null) {
      p.nextToken();
      switch (field) {
        case "customer" -> customer = JsonRead.string(p);
        case "email" -> email = JsonRead.string(p);
        case "items" -> items = JsonRead.list(p, OrderItemJson.READER);
        case "priority" -> priority = PriorityJson.READER.read(p);
        case "note" -> note = JsonRead.optional(p, JsonRead.STRING);
        case "tags" -> tags = JsonRead.map(p, JsonRead.INT);
        case "country" -> country = JsonRead.string(p);
        case "deliverBy" -> deliverBy = JsonRead.localDate(p);
        case "shipTo" -> shipTo = JsonRead.optional(p, AddressJson.READER);
        default -> JsonRead.skipValue(p);
      }
    }
    try {
      return new OrderRequest(customer, email, items, priority, note, tags, country, deliverBy, shipTo);
    } catch (RuntimeException e) {
      // the record's constructor rejected the values: a client error, reported without its message
      throw JsonDecodeException.of(JsonRead.path(p), "is not a valid OrderRequest");
    }
  }

  /**
   * Writes every component (nulls as null), or null.
   */
  @Override
  public void write(JsonGenerator g, OrderRequest v) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeFieldName(FIELD_CUSTOMER);
    JsonWrite.string(g, v.customer());
    g.writeFieldName(FIELD_EMAIL);
    JsonWrite.string(g, v.email());
    g.writeFieldName(FIELD_ITEMS);
    JsonWrite.list(g, v.items(), OrderItemJson.WRITER);
    g.writeFieldName(FIELD_PRIORITY);
    PriorityJson.WRITER.write(g, v.priority());
    g.writeFieldName(FIELD_NOTE);
    JsonWrite.optional(g, v.note(), JsonWrite.STRING);
    g.writeFieldName(FIELD_TAGS);
    JsonWrite.map(g, v.tags(), JsonWrite.INT);
    g.writeFieldName(FIELD_COUNTRY);
    JsonWrite.string(g, v.country());
    g.writeFieldName(FIELD_DELIVER_BY);
    JsonWrite.localDate(g, v.deliverBy());
    g.writeFieldName(FIELD_SHIP_TO);
    JsonWrite.optional(g, v.shipTo(), AddressJson.WRITER);
    g.writeEndObject();
  }
}
