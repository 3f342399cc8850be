package dev.streamer.runtime.aws.internal.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.core.routing.Caller;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.Eventually;
import dev.streamer.runtime.aws.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Against DynamoDB Local, on the tables defined in {@code aws.tables}. */
class ConnectionStoreTest {

  private static DynamoDbClient client;
  private static String table;

  private final ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z"));
  private final ConnectionStore store = new ConnectionStore(client, table, Duration.ofHours(24), clock);

  @BeforeAll
  static void tables() {
    client = DynamoDbLocal.client();
    table = DynamoDbLocal.createTables("ConnectionStoreTest").connections();
  }

  @AfterAll
  static void closeClient() {
    client.close();
  }

  @Test
  void createStoresEveryAttributeAndGetReadsItBack() {
    ConnectionRecord created = store.create("conn-a", "user-1", "tenant-1", "https://api.example/prod",
        Map.of("email", "a@example.com"));
    assertEquals(Instant.parse("2024-05-02T10:00:00Z"), created.expiresAt());

    ConnectionRecord read = store.get("conn-a").orElseThrow();
    assertEquals(created, read);

    Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table)
        .key(Map.of("connectionId", AttributeValue.fromS("conn-a")))).item();
    assertEquals(String.valueOf(Instant.parse("2024-05-02T10:00:00Z").getEpochSecond()), item.get("ttl").n(),
        "TTL attribute in epoch seconds");
    assertEquals(String.valueOf(clock.instant().toEpochMilli()), item.get("connectedAt").n());
    assertEquals("a@example.com", item.get("claims").m().get("email").s());
  }

  @Test
  void resolveReadsTheLiveConnectionsCallerAsGetDoes() {
    store.create("conn-c", "user-c", "tenant-c", "https://api.example/prod", Map.of("email", "c@example.com"));
    Caller caller = store.resolve("conn-c", "1-abc").orElseThrow();
    ConnectionRecord record = store.get("conn-c").orElseThrow();
    assertEquals(new Caller(record.connectionId(), record.userId(), record.tenantId(), record.claims(), "1-abc"),
        caller);
    assertEquals(Map.of("email", "c@example.com"), caller.metadata());
    assertTrue(store.resolve("conn-none", null).isEmpty(), "absent");
    clock.advance(Duration.ofHours(24).minusSeconds(1));
    assertTrue(store.resolve("conn-c", null).isPresent(), "a second before its expiry");
    clock.advance(Duration.ofSeconds(1));
    assertTrue(store.resolve("conn-c", null).isEmpty(), "expired at its TTL, as get() reads it");
    assertTrue(store.get("conn-c").isEmpty());
  }

  @Test
  void deleteReportsWhetherThereWasARecord() {
    store.create("conn-d", "user-1", "tenant-1", "https://api.example/prod", Map.of());
    assertTrue(store.delete("conn-d"));
    assertTrue(store.get("conn-d").isEmpty());
    assertFalse(store.delete("conn-d"));
  }

  @Test
  void touchMovesLastPingAndExpiryButNeverResurrects() {
    store.create("conn-t", "user-1", "tenant-1", "https://api.example/prod", Map.of());
    clock.advance(Duration.ofHours(3));
    assertTrue(store.touch("conn-t"));
    ConnectionRecord touched = store.get("conn-t").orElseThrow();
    assertEquals(clock.instant(), touched.lastPing());
    assertEquals(clock.instant().plus(Duration.ofHours(24)), touched.expiresAt());
    assertEquals(Instant.parse("2024-05-01T10:00:00Z"), touched.connectedAt());

    store.delete("conn-t");
    assertFalse(store.touch("conn-t"));
    assertTrue(store.get("conn-t").isEmpty(), "a late ping does not recreate the item");
  }

  @Test
  void expiredRecordsReadAsAbsentBeforeTtlRemovesThem() {
    store.create("conn-x", "user-x", "tenant-x", "https://api.example/prod", Map.of());
    clock.advance(Duration.ofHours(24));
    assertTrue(store.get("conn-x").isEmpty());
    // the item is in the index (a later connection of that user shows up) but reads as expired
    store.create("conn-x2", "user-x", "tenant-x", "https://api.example/prod", Map.of());
    assertEquals(Set.of("conn-x2"), ids(Eventually.await(() -> store.byUser("user-x"), found -> !found.isEmpty())));
    assertEquals(Set.of("conn-x2"), ids(Eventually.await(() -> store.byTenant("tenant-x"), found -> !found.isEmpty())));
  }

  @Test
  void byUserAndByTenantUseTheIndexes() {
    store.create("u1-t1-a", "user-q1", "tenant-q1", "https://api.example/prod", Map.of());
    store.create("u1-t1-b", "user-q1", "tenant-q1", "https://api.example/prod", Map.of());
    store.create("u2-t1", "user-q2", "tenant-q1", "https://api.example/prod", Map.of());
    store.create("u1-t2", "user-q1", "tenant-q2", "https://api.example/prod", Map.of());

    // index reads are eventually consistent: wait for the expected set, which must then be exact
    assertEquals(Set.of("u1-t1-a", "u1-t1-b", "u1-t2"), Eventually.await(() -> ids(store.byUser("user-q1")),
        found -> found.size() >= 3));
    assertEquals(Set.of("u1-t1-a", "u1-t1-b", "u2-t1"), Eventually.await(() -> ids(store.byTenant("tenant-q1")),
        found -> found.size() >= 3));
    assertEquals(Set.of("u1-t2"), Eventually.await(() -> ids(store.byTenant("tenant-q2")), found -> !found.isEmpty()));
    assertTrue(store.byUser("nobody").isEmpty());
  }

  @Test
  void queriesFollowPagination() {
    // Enough items with large claims to exceed one 1 MB query page.
    String big = "x".repeat(2000);
    Map<String, String> claims = Map.of("a", big, "b", big, "c", big, "d", big, "e", big);
    for (int i = 0; i < 120; i++) {
      store.create("page-" + i, "user-page", "tenant-page", "https://api.example/prod", claims);
    }
    assertEquals(120, Eventually.await(() -> store.byUser("user-page"), found -> found.size() >= 120).size());
  }

  private static Set<String> ids(java.util.List<ConnectionRecord> records) {
    return records.stream().map(ConnectionRecord::connectionId).collect(Collectors.toSet());
  }
}
