package dev.streamer.deploy.sam;

import static dev.streamer.deploy.sam.Cfn.map;

import dev.streamer.runtime.aws.tables.IndexDefinition;
import dev.streamer.runtime.aws.tables.KeyAttribute;
import dev.streamer.runtime.aws.tables.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code AWS::DynamoDB::Table} resources from the runtime's single table definition ({@code StreamerTables}):
 * keys, indexes, TTL and stream as defined there; on-demand billing, point-in-time recovery and encryption with the
 * AWS managed key. Physical names are left to CloudFormation and reach the functions as environment variables.
 */
public final class TableResources {

  private TableResources() {}

  public static Map<String, Object> of(TableDefinition table) {
    List<Object> attributes = new ArrayList<>();
    for (KeyAttribute attribute : table.keyAttributes()) {
      attributes.add(map("AttributeName", attribute.name(), "AttributeType", attribute.type().name()));
    }
    List<Object> indexes = new ArrayList<>();
    for (IndexDefinition index : table.indexes()) {
      Map<String, Object> projection = map("ProjectionType", index.projection().name(),
          "NonKeyAttributes", index.nonKeyAttributes().isEmpty() ? null : index.nonKeyAttributes());
      indexes.add(map(
          "IndexName", index.name(),
          "KeySchema", keySchema(index.partitionKey(), index.sortKey()),
          "Projection", projection));
    }
    Map<String, Object> properties = map(
        "BillingMode", "PAY_PER_REQUEST",
        "AttributeDefinitions", attributes,
        "KeySchema", keySchema(table.partitionKey(), null),
        "GlobalSecondaryIndexes", indexes.isEmpty() ? null : indexes,
        "TimeToLiveSpecification", table.ttlAttribute() == null ? null
            : map("AttributeName", table.ttlAttribute(), "Enabled", true),
        "StreamSpecification", table.streamView() == null ? null : map("StreamViewType", table.streamView()),
        "PointInTimeRecoverySpecification", map("PointInTimeRecoveryEnabled", true),
        "SSESpecification", map("SSEEnabled", true));
    return Cfn.resource("AWS::DynamoDB::Table", properties);
  }

  private static List<Object> keySchema(KeyAttribute hash, KeyAttribute range) {
    List<Object> schema = new ArrayList<>();
    schema.add(map("AttributeName", hash.name(), "KeyType", "HASH"));
    if (range != null) {
      schema.add(map("AttributeName", range.name(), "KeyType", "RANGE"));
    }
    return schema;
  }
}
