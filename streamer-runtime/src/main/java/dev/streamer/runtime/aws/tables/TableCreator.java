package dev.streamer.runtime.aws.tables;

import java.time.Duration;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * Creates Streamer's tables where they don't exist yet (local stack, tests, first-run tooling). Deployments normally
 * create them from the template; this is the same definition applied through the API.
 */
public final class TableCreator {

  private static final Duration MAX_WAIT = Duration.ofMinutes(5);

  private TableCreator() {}

  /** Creates both tables if missing, waits until they are ACTIVE, and enables TTL on them. Safe to call repeatedly. */
  public static void createIfMissing(DynamoDbClient client, TableNames names) {
    for (TableDefinition table : StreamerTables.ALL) {
      createIfMissing(client, table, names.nameOf(table));
    }
  }

  /** Creates {@code table} as {@code tableName} if missing, waits until ACTIVE, enables its TTL. */
  public static void createIfMissing(DynamoDbClient client, TableDefinition table, String tableName) {
    if (!exists(client, tableName)) {
      try {
        client.createTable(table.toCreateTableRequest(tableName));
      } catch (ResourceInUseException raced) {
        // another process is creating it at the same time: waiting below is all that is left to do
      }
    }
    client.waiter().waitUntilTableExists(
        DescribeTableRequest.builder().tableName(tableName).build(),
        WaiterOverrideConfiguration.builder().waitTimeout(MAX_WAIT).build());
    if (table.ttlAttribute() != null) {
      enableTtl(client, tableName, table.ttlAttribute());
    }
  }

  private static boolean exists(DynamoDbClient client, String tableName) {
    try {
      client.describeTable(b -> b.tableName(tableName));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  private static void enableTtl(DynamoDbClient client, String tableName, String attribute) {
    TimeToLiveStatus status = client
        .describeTimeToLive(DescribeTimeToLiveRequest.builder().tableName(tableName).build())
        .timeToLiveDescription()
        .timeToLiveStatus();
    if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
      return;
    }
    client.updateTimeToLive(UpdateTimeToLiveRequest.builder()
        .tableName(tableName)
        .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(true))
        .build());
  }
}
