package dev.streamer.local.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.runtime.aws.tables.StreamerTables;
import dev.streamer.runtime.aws.tables.TableNames;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
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
}
