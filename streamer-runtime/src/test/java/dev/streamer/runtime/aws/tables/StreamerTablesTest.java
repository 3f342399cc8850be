package dev.streamer.runtime.aws.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.runtime.aws.DynamoDbLocal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class StreamerTablesTest {

  private static DynamoDbClient client;
  private static TableNames names;

  @BeforeAll
  static void createTables() {
    client = DynamoDbLocal.client();
    names = DynamoDbLocal.createTables("tables");
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void requestsTableMatchesDefinition() {
    TableDescription table = client.describeTable(b -> b.tableName(names.requests())).table();
    assertEquals(TableStatus.ACTIVE, table.tableStatus());
    assertEquals("requestId", table.keySchema().get(0).attributeName());
    assertEquals(BillingMode.PAY_PER_REQUEST, table.billingModeSummary().billingMode());
    assertTrue(table.streamSpecification().streamEnabled());
    assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, table.streamSpecification().streamViewType());
    Map<String, GlobalSecondaryIndexDescription> gsis = table.globalSecondaryIndexes().stream()
        .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, g -> g));
    assertEquals(List.of("connectionId"), keyNames(gsis.get("connection-requests"), KeyType.HASH));
    assertEquals(List.of("status"), keyNames(gsis.get("status-time"), KeyType.HASH));
    assertEquals(List.of("createdAt"), keyNames(gsis.get("status-time"), KeyType.RANGE));
    assertTrue(gsis.get("status-time").projection().nonKeyAttributes().contains("leaseExpiresAt"));
    assertEquals("ttl", ttlAttribute(names.requests()));
  }

  @Test
  void connectionsTableMatchesDefinition() {
    TableDescription table = client.describeTable(b -> b.tableName(names.connections())).table();
    assertEquals("connectionId", table.keySchema().get(0).attributeName());
    assertEquals(2, table.globalSecondaryIndexes().size());
    Map<String, GlobalSecondaryIndexDescription> gsis = table.globalSecondaryIndexes().stream()
        .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, g -> g));
    assertEquals(List.of("userId"), keyNames(gsis.get("user-connections"), KeyType.HASH));
    assertEquals(List.of("tenantId"), keyNames(gsis.get("tenant-connections"), KeyType.HASH));
    assertEquals("ttl", ttlAttribute(names.connections()));
  }

  @Test
  void createIfMissingIsIdempotent() {
    TableCreator.createIfMissing(client, names);
    assertEquals(TableStatus.ACTIVE, client.describeTable(b -> b.tableName(names.requests())).table().tableStatus());
  }

  @Test
  void definitionIsPlainData() {
    assertEquals(List.of("requestId", "connectionId", "status", "createdAt"),
        StreamerTables.REQUESTS.keyAttributes().stream().map(KeyAttribute::name).toList());
    assertEquals(KeyAttribute.ScalarType.N, StreamerTables.REQUESTS.index("status-time").sortKey().type());
    assertEquals("streamer-requests", StreamerTables.REQUESTS.defaultName());
    assertEquals("streamer-connections", TableNames.defaults().nameOf(StreamerTables.CONNECTIONS));
  }

  private static List<String> keyNames(GlobalSecondaryIndexDescription index, KeyType type) {
    return index.keySchema().stream().filter(k -> k.keyType() == type).map(k -> k.attributeName()).toList();
  }

  private String ttlAttribute(String table) {
    var ttl = client.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
    assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
    return ttl.attributeName();
  }
}
