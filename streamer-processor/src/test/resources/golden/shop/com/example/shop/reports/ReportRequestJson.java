package com.example.shop.reports;

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
import javax.annotation.processing.Generated;

/**
 * JSON codec of record {@link ReportRequest}.
 *
 * <p>Reads it from a streaming parser (unknown fields are ignored, primitive
 * components are required) and writes every component. Generated from the record's components;
 * no reflection.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ReportRequestJson implements JsonReader<ReportRequest>, JsonWriter<ReportRequest> {
  private static final ReportRequestJson CODEC = new ReportRequestJson();

  public static final JsonReader<ReportRequest> READER = CODEC;

  public static final JsonWriter<ReportRequest> WRITER = CODEC;

  private static final SerializedString FIELD_FROM = new SerializedString("from");

  private static final SerializedString FIELD_TO = new SerializedString("to");

  private static final SerializedString FIELD_RECORD_COUNT = new SerializedString("recordCount");

  private ReportRequestJson() {
  }

  /**
   * Reads a {@code ReportRequest} from the parser positioned on its first token; null for JSON null.
   */
  @Override
  public ReportRequest read(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    JsonRead.startObject(p, "ReportRequest");
    LocalDate from = null;
    LocalDate to = null;
    Integer recordCount = null;
    String field;
    while ((field = p.nextFieldName()) != null) {
      p.nextToken();
      switch (field) {
        case "from" -> from = JsonRead.localDate(p);
        case "to" -> to = JsonRead.localDate(p);
        case "recordCount" -> recordCount = JsonRead.intBox(p);
        default -> JsonRead.skipValue(p);
      }
    }
    try {
      return new ReportRequest(from, to, recordCount);
    } catch (RuntimeException e) {
      // the record's constructor rejected the values: a client error, reported without its message
      throw JsonDecodeException.of(JsonRead.path(p), "is not a valid ReportRequest");
    }
  }

  /**
   * Writes every component (nulls as null), or null.
   */
  @Override
  public void write(JsonGenerator g, ReportRequest v) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeFieldName(FIELD_FROM);
    JsonWrite.localDate(g, v.from());
    g.writeFieldName(FIELD_TO);
    JsonWrite.localDate(g, v.to());
    g.writeFieldName(FIELD_RECORD_COUNT);
    JsonWrite.intBox(g, v.recordCount());
    g.writeEndObject();
  }
}
