package dev.streamer.local.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.runtime.aws.tables.StreamerTables;
import dev.streamer.runtime.aws.tables.TableNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class LocalDynamoDbTest {

  @Test
  void connectsToARunningEndpointAndCreatesTheTablesFromTheirDefinition() {
    try (LocalDynamoDb server = LocalDynamoDb.startInMemory(0, Region.US_EAST_1);
        LocalDynamoDb connected = LocalDynamoDb.connect(server.endpoint(), Region.US_EAST_1)) {
      assertTrue(server.inProcess());
      assertFalse(connected.inProcess());
      TableNames names = new TableNames("ext-requests", "ext-connections");
      connected.createTables(names);
      connected.createTables(names); // idempotent

      TableDescription requests = server.client().describeTable(b -> b.tableName("ext-requests")).table();
      assertEquals(StreamerTables.REQUEST_ID, requests.keySchema().get(0).attributeName());
      assertEquals(2, requests.globalSecondaryIndexes().size());
      assertEquals("NEW_AND_OLD_IMAGES", requests.streamSpecification().streamViewTypeAsString());
      assertNotNull(connected.streamArn("ext-requests"));
      assertEquals(2, server.client().describeTable(b -> b.tableName("ext-connections")).table()
          .globalSecondaryIndexes().size());
    }
  }

  @Test
  void stopsAndStartsAgainOnTheSamePortWithItsDataAndStream() {
    try (LocalDynamoDb db = LocalDynamoDb.startInMemory(0, Region.US_EAST_1);
        DynamoDbStreamsClient streams = db.newStreamsClient()) {
      TableNames names = new TableNames("outage-requests", "outage-connections");
      db.createTables(names);
      String arn = db.streamArn(names.requests());
      String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
      String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      put(db, names, "before");

      db.stopServer();
      assertFalse(db.serverRunning());
      assertThrows(SdkClientException.class, () -> db.client().listTables(), "the port refuses connections");
      db.stopServer(); // idempotent

      db.startServer();
      assertTrue(db.serverRunning());
      assertEquals("before", db.client().getItem(b -> b.tableName(names.requests())
          .key(Map.of(StreamerTables.REQUEST_ID, AttributeValue.fromS("before")))).item()
          .get(StreamerTables.REQUEST_ID).s(), "the data survived");
      put(db, names, "after");
      List<Record> records = streams.getRecords(b -> b.shardIterator(iterator)).records();
      assertEquals(List.of("before", "after"), records.stream()
          .map(r -> r.dynamodb().keys().get(StreamerTables.REQUEST_ID).s()).toList(),
          "an iterator taken before the outage reads on");
      assertEquals(2, db.writes(names.requests()), "the client's writes are counted per table");
      assertThrows(ConditionalCheckFailedException.class, () -> db.client().putItem(b -> b
          .tableName(names.connections()).item(Map.of(StreamerTables.CONNECTION_ID, AttributeValue.fromS("c")))
          .conditionExpression("attribute_exists(connectionId)")));
      assertEquals(1, db.writes(names.connections()), "a conditional write that fails counts too");
      assertEquals(3, db.writes(null));
    }
  }

  @Test
  void onlyAnInProcessDynamoDbStops() {
    try (LocalDynamoDb server = LocalDynamoDb.startInMemory(0, Region.US_EAST_1);
        LocalDynamoDb connected = LocalDynamoDb.connect(server.endpoint(), Region.US_EAST_1)) {
      assertThrows(IllegalStateException.class, connected::stopServer);
    }
  }

  private static void put(LocalDynamoDb db, TableNames names, String id) {
    db.client().putItem(b -> b.tableName(names.requests())
        .item(Map.of(StreamerTables.REQUEST_ID, AttributeValue.fromS(id))));
  }
}
