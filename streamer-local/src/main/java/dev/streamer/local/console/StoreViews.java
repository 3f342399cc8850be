package dev.streamer.local.console;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.local.gateway.ConnectionRegistry;
import dev.streamer.local.gateway.GatewayConnection;
import dev.streamer.runtime.aws.tables.StreamerTables;
import dev.streamer.runtime.aws.tables.TableNames;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * What the console's tables show, read from DynamoDB: the newest requests (at most {@link #MAX_REQUESTS}, by
 * {@code createdAt}) and the connections (a scan: there are as many as open sockets). Only the listed attributes are sent: payloads and results stay in the
 * store (open them with the built-in {@code status}).
 */
final class StoreViews {

  static final int MAX_REQUESTS = 200;
  /** Requests-table attributes the console shows (names as the runtime writes them). */
  static final List<String> REQUEST_FIELDS = List.of(StreamerTables.REQUEST_ID, "action", StreamerTables.STATUS,
      "progress", "progressMessage", "attempts", "retryCount", StreamerTables.CREATED_AT, "started", "ended",
      "userId", "tenantId", StreamerTables.CONNECTION_ID, "clientId", "errorCode", "errorMessage", "cancelRequested");
  static final List<String> CONNECTION_FIELDS = List.of(StreamerTables.CONNECTION_ID, StreamerTables.USER_ID,
      StreamerTables.TENANT_ID);

  private static final Comparator<Map<String, AttributeValue>> NEWEST_FIRST =
      Comparator.comparing((Map<String, AttributeValue> item) -> number(item.get(StreamerTables.CREATED_AT)))
          .reversed();

  private final DynamoDbClient dynamoDb;
  private final TableNames tables;

  StoreViews(DynamoDbClient dynamoDb, TableNames tables) {
    this.dynamoDb = dynamoDb;
    this.tables = tables;
  }

  /**
   * The newest requests: the newest {@link #MAX_REQUESTS} of each status from the {@code status-time} index (status
   * and createdAt, newest first), merged, then their items read in batches. Bounded whatever the table's size.
   */
  void requests(JsonGenerator g) throws IOException {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (RequestStatus status : RequestStatus.values()) {
      keys.addAll(dynamoDb.query(b -> b.tableName(tables.requests())
          .indexName(StreamerTables.STATUS_TIME_INDEX)
          .keyConditionExpression("#s = :s")
          .expressionAttributeNames(Map.of("#s", StreamerTables.STATUS))
          .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(status.name())))
          .scanIndexForward(false)
          .limit(MAX_REQUESTS)).items());
    }
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    List<Map<String, AttributeValue>> newest = newestDistinct(keys, MAX_REQUESTS);
    for (int from = 0; from < newest.size(); from += 100) {
      List<Map<String, AttributeValue>> batch = newest.subList(from, Math.min(from + 100, newest.size())).stream()
          .map(k -> Map.of(StreamerTables.REQUEST_ID, k.get(StreamerTables.REQUEST_ID)))
          .toList();
      items.addAll(dynamoDb.batchGetItemPaginator(b -> b.requestItems(Map.of(tables.requests(),
              KeysAndAttributes.builder().keys(batch).build())))
          .stream().flatMap(r -> r.responses().getOrDefault(tables.requests(), List.of()).stream()).toList());
    }
    items.sort(NEWEST_FIRST);
    g.writeStartObject();
    g.writeArrayFieldStart("requests");
    for (Map<String, AttributeValue> item : items) {
      fields(g, item, REQUEST_FIELDS);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * The newest {@code max} keys, each request once: the per-status queries are not one snapshot, so a request whose
   * status changed between two of them is listed by both (and BatchGetItem refuses duplicate keys).
   */
  static List<Map<String, AttributeValue>> newestDistinct(List<Map<String, AttributeValue>> keys, int max) {
    List<Map<String, AttributeValue>> sorted = new ArrayList<>(keys);
    sorted.sort(NEWEST_FIRST);
    Map<String, Map<String, AttributeValue>> byId = new LinkedHashMap<>();
    for (Map<String, AttributeValue> key : sorted) {
      if (byId.size() == max) {
        break;
      }
      byId.putIfAbsent(key.get(StreamerTables.REQUEST_ID).s(), key);
    }
    return List.copyOf(byId.values());
  }

  void connections(JsonGenerator g, ConnectionRegistry open) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("connections");
    for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(b -> b.tableName(tables.connections())).items()) {
      g.writeStartObject();
      for (String name : CONNECTION_FIELDS) {
        if (item.containsKey(name)) {
          g.writeFieldName(name);
          value(g, item.get(name));
        }
      }
      AttributeValue id = item.get(StreamerTables.CONNECTION_ID);
      Optional<GatewayConnection> live = id == null ? Optional.empty() : open.find(id.s());
      g.writeBooleanField("open", live.isPresent());
      if (live.isPresent()) {
        g.writeStringField("connectedAt", live.get().connectedAt().toString());
        g.writeStringField("lastActiveAt", live.get().lastActiveAt().toString());
        g.writeStringField("sourceIp", live.get().sourceIp());
        if (live.get().userAgent() != null) {
          g.writeStringField("userAgent", live.get().userAgent());
        }
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void fields(JsonGenerator g, Map<String, AttributeValue> item, List<String> names)
      throws IOException {
    g.writeStartObject();
    for (String name : names) {
      AttributeValue value = item.get(name);
      if (value != null) {
        g.writeFieldName(name);
        value(g, value);
      }
    }
    g.writeEndObject();
  }

  private static BigDecimal number(AttributeValue value) {
    return value == null || value.n() == null ? BigDecimal.ZERO : new BigDecimal(value.n());
  }

  /** DynamoDB's attribute value as plain JSON (sets as arrays, binary as base64). */
  static void value(JsonGenerator g, AttributeValue v) throws IOException {
    switch (v.type()) {
      case S -> g.writeString(v.s());
      case N -> g.writeNumber(new BigDecimal(v.n()));
      case BOOL -> g.writeBoolean(v.bool());
      case NUL -> g.writeNull();
      case B -> g.writeBinary(v.b().asByteArray());
      case M -> {
        g.writeStartObject();
        for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
          g.writeFieldName(e.getKey());
          value(g, e.getValue());
        }
        g.writeEndObject();
      }
      case L -> {
        g.writeStartArray();
        for (AttributeValue e : v.l()) {
          value(g, e);
        }
        g.writeEndArray();
      }
      case SS -> {
        g.writeStartArray();
        for (String s : v.ss()) {
          g.writeString(s);
        }
        g.writeEndArray();
      }
      case NS -> {
        g.writeStartArray();
        for (String n : v.ns()) {
          g.writeNumber(new BigDecimal(n));
        }
        g.writeEndArray();
      }
      default -> g.writeNull();
    }
  }
}
