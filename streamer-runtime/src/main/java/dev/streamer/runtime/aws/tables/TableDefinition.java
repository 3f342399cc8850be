package dev.streamer.runtime.aws.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * One table as plain data: what the tests, the local stack and the deployment template are all built from.
 *
 * @param logicalName  stable name of the table's role ({@code requests}, {@code connections})
 * @param defaultName  physical table name used when configuration names none
 * @param partitionKey the table's hash key (no range key: items are addressed by id)
 * @param indexes      global secondary indexes
 * @param ttlAttribute epoch-seconds attribute DynamoDB's TTL deletes by, or null
 * @param streamView   stream view type ({@code NEW_AND_OLD_IMAGES}) or null for no stream
 */
public record TableDefinition(
    String logicalName,
    String defaultName,
    KeyAttribute partitionKey,
    List<IndexDefinition> indexes,
    String ttlAttribute,
    String streamView) {

  public TableDefinition {
    Objects.requireNonNull(logicalName, "logicalName");
    Objects.requireNonNull(defaultName, "defaultName");
    Objects.requireNonNull(partitionKey, "partitionKey");
    indexes = indexes == null ? List.of() : List.copyOf(indexes);
  }

  /** Every attribute used in a key of the table or of an index, once each, in first-use order. */
  public List<KeyAttribute> keyAttributes() {
    Map<String, KeyAttribute> byName = new LinkedHashMap<>();
    byName.put(partitionKey.name(), partitionKey);
    for (IndexDefinition index : indexes) {
      putChecked(byName, index.partitionKey());
      if (index.sortKey() != null) {
        putChecked(byName, index.sortKey());
      }
    }
    return List.copyOf(byName.values());
  }

  private static void putChecked(Map<String, KeyAttribute> byName, KeyAttribute attribute) {
    KeyAttribute previous = byName.putIfAbsent(attribute.name(), attribute);
    if (previous != null && previous.type() != attribute.type()) {
      throw new IllegalStateException("attribute " + attribute.name() + " used with two types");
    }
  }

  /** The index called {@code name}. */
  public IndexDefinition index(String name) {
    for (IndexDefinition index : indexes) { // a loop, not a stream: Lambda functions read index names at start
      if (index.name().equals(name)) {
        return index;
      }
    }
    throw new IllegalArgumentException("no index " + name + " on " + logicalName);
  }

  /** An on-demand {@code CreateTableRequest} for this definition under the physical name {@code tableName}. */
  public CreateTableRequest toCreateTableRequest(String tableName) {
    List<AttributeDefinition> attributes = new ArrayList<>();
    for (KeyAttribute attribute : keyAttributes()) {
      attributes.add(AttributeDefinition.builder()
          .attributeName(attribute.name())
          .attributeType(ScalarAttributeType.fromValue(attribute.type().name()))
          .build());
    }
    List<GlobalSecondaryIndex> gsis = new ArrayList<>();
    for (IndexDefinition index : indexes) {
      Projection.Builder projection =
          Projection.builder().projectionType(ProjectionType.fromValue(index.projection().name()));
      if (!index.nonKeyAttributes().isEmpty()) {
        projection.nonKeyAttributes(index.nonKeyAttributes());
      }
      gsis.add(GlobalSecondaryIndex.builder()
          .indexName(index.name())
          .keySchema(keySchema(index.partitionKey(), index.sortKey()))
          .projection(projection.build())
          .build());
    }
    CreateTableRequest.Builder request = CreateTableRequest.builder()
        .tableName(tableName)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(attributes)
        .keySchema(keySchema(partitionKey, null));
    if (!gsis.isEmpty()) {
      request.globalSecondaryIndexes(gsis);
    }
    if (streamView != null) {
      request.streamSpecification(StreamSpecification.builder()
          .streamEnabled(true)
          .streamViewType(StreamViewType.fromValue(streamView))
          .build());
    }
    return request.build();
  }

  private static List<KeySchemaElement> keySchema(KeyAttribute hash, KeyAttribute range) {
    List<KeySchemaElement> schema = new ArrayList<>(2);
    schema.add(KeySchemaElement.builder().attributeName(hash.name()).keyType(KeyType.HASH).build());
    if (range != null) {
      schema.add(KeySchemaElement.builder().attributeName(range.name()).keyType(KeyType.RANGE).build());
    }
    return schema;
  }
}
