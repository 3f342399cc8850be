package dev.streamer.runtime.aws.internal.requests;

import static dev.streamer.runtime.aws.internal.requests.RequestAttributes.*;
import static dev.streamer.runtime.aws.internal.requests.RequestItemCodec.millis;
import static dev.streamer.runtime.aws.internal.requests.RequestItemCodec.s;

import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.runtime.aws.tables.StreamerTables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The index reads of {@link DynamoRequestStore}: the {@code connection-requests} and {@code status-time} indexes. */
final class RequestIndexReads {

  private final DynamoDbClient client;
  private final String table;

  RequestIndexReads(DynamoDbClient client, String table) {
    this.client = client;
    this.table = table;
  }

  /** Requests whose replies go to {@code connectionId}, through the {@code connection-requests} index. */
  List<RequestRecord> findByConnection(String connectionId) {
    List<RequestRecord> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> exclusiveStart = start;
      QueryResponse page = RequestItems.call(() -> client.query(QueryRequest.builder()
          .tableName(table)
          .indexName(StreamerTables.CONNECTION_REQUESTS_INDEX)
          .keyConditionExpression("#c = :c")
          .expressionAttributeNames(Map.of("#c", CONNECTION_ID))
          .expressionAttributeValues(Map.of(":c", s(connectionId)))
          .exclusiveStartKey(exclusiveStart)
          .build()));
      page.items().forEach(item -> out.add(RequestItemCodec.fromItem(item)));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return out;
  }

  /**
   * Requests the sweeper must act on at {@code now}, at most {@code limit}: PENDING ones whose {@code retryAfter} has
   * passed or that were dispatched to a worker at least {@code dispatchTimeout} ago without being claimed, PENDING
   * ones without {@code retryAfter} older than {@code stalePendingAfter} (their stream record was lost), and
   * PROCESSING ones whose lease expired. Read through the {@code status-time} index.
   */
  List<SweepCandidate> dueForSweep(Instant now, Duration stalePendingAfter, Duration dispatchTimeout, int limit) {
    List<SweepCandidate> out = new ArrayList<>();
    AttributeValue pending = s(RequestStatus.PENDING.name());
    AttributeValue nowValue = millis(now);
    sweepQuery(out, limit, "#status = :status", "#retryAfter <= :now OR #dispatchedAt <= :dispatchedBefore",
        Map.of(":status", pending, ":now", nowValue, ":dispatchedBefore", millis(now.minus(dispatchTimeout))));
    sweepQuery(out, limit, "#status = :status AND #createdAt <= :before", "attribute_not_exists(#retryAfter)",
        Map.of(":status", pending, ":before", millis(now.minus(stalePendingAfter))));
    sweepQuery(out, limit, "#status = :status", "#leaseExpiresAt <= :now",
        Map.of(":status", s(RequestStatus.PROCESSING.name()), ":now", nowValue));
    return out;
  }

  private void sweepQuery(List<SweepCandidate> out, int limit, String keyCondition, String filter,
      Map<String, AttributeValue> values) {
    Map<String, String> names = ItemUpdate.aliasesIn(keyCondition, filter);
    Map<String, AttributeValue> start = null;
    while (out.size() < limit) {
      Map<String, AttributeValue> exclusiveStart = start;
      QueryResponse page = RequestItems.call(() -> client.query(QueryRequest.builder()
          .tableName(table)
          .indexName(StreamerTables.STATUS_TIME_INDEX)
          .keyConditionExpression(keyCondition)
          .filterExpression(filter)
          .expressionAttributeNames(names)
          .expressionAttributeValues(values)
          .exclusiveStartKey(exclusiveStart)
          .build()));
      for (Map<String, AttributeValue> item : page.items()) {
        if (out.size() < limit) {
          out.add(candidate(item));
        }
      }
      if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
        return;
      }
      start = page.lastEvaluatedKey();
    }
  }

  private static SweepCandidate candidate(Map<String, AttributeValue> item) {
    return new SweepCandidate(
        RequestItemCodec.string(item, REQUEST_ID),
        RequestStatus.valueOf(RequestItemCodec.string(item, STATUS)),
        RequestItemCodec.instant(item, CREATED_AT),
        RequestItemCodec.instant(item, RETRY_AFTER),
        RequestItemCodec.instant(item, LEASE_EXPIRES_AT),
        (int) RequestItemCodec.longValue(item, ATTEMPTS, 0),
        (int) RequestItemCodec.longValue(item, RETRY_COUNT, 0),
        (int) RequestItemCodec.longValue(item, MAX_RETRIES, 0),
        RequestItemCodec.bool(item, CANCEL_REQUESTED));
  }
}
