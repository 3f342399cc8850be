package dev.streamer.runtime.aws.internal.requests;

import static dev.streamer.runtime.aws.internal.requests.RequestAttributes.REQUEST_ID;
import static dev.streamer.runtime.aws.internal.requests.RequestItemCodec.s;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The single-item DynamoDB calls of {@link DynamoRequestStore} on the requests table, by request id: the insert, the
 * reads and the conditional updates, with the one place that turns SDK faults into {@link RequestStoreException}.
 */
record RequestItems(DynamoDbClient client, String table) {

  /** Puts {@code record} unless an item with its id exists; {@link ConditionalCheckFailedException} if one does. */
  void insert(RequestRecord record) {
    call(() -> client.putItem(PutItemRequest.builder()
        .tableName(table)
        .item(RequestItemCodec.toItem(record))
        .conditionExpression("attribute_not_exists(#id)")
        .expressionAttributeNames(Map.of("#id", REQUEST_ID))
        .build()));
  }

  /** The request, read consistently. */
  Optional<RequestRecord> get(String requestId) {
    Map<String, AttributeValue> item = call(() -> client.getItem(b -> b
        .tableName(table).key(key(requestId)).consistentRead(true))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(RequestItemCodec.fromItem(item));
  }

  /** The {@code #alias} attributes of {@code projection}, read eventually consistently; null or empty when missing. */
  Map<String, AttributeValue> project(String requestId, String projection) {
    return call(() -> client.getItem(b -> b
        .tableName(table).key(key(requestId))
        .projectionExpression(projection)
        .expressionAttributeNames(ItemUpdate.aliasesIn(projection)))).item();
  }

  /** The request after {@code update}; empty when its condition failed. */
  Optional<RequestRecord> conditionalUpdate(String requestId, ItemUpdate update) {
    try {
      return Optional.of(updateOrThrow(requestId, update));
    } catch (ConditionalCheckFailedException lost) {
      return Optional.empty();
    }
  }

  /** The request after {@code update}; {@link ConditionalCheckFailedException} (with the old item) when it failed. */
  RequestRecord updateOrThrow(String requestId, ItemUpdate update) {
    UpdateItemResponse response = call(() -> client.updateItem(update.build(table, key(requestId))));
    return RequestItemCodec.fromItem(response.attributes());
  }

  private static Map<String, AttributeValue> key(String requestId) {
    return Map.of(REQUEST_ID, s(requestId));
  }

  /** Runs one DynamoDB call; conditional-check failures pass through, every other SDK fault is infrastructure. */
  static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (ConditionalCheckFailedException e) {
      throw e;
    } catch (SdkException e) {
      throw new RequestStoreException(e);
    }
  }
}
