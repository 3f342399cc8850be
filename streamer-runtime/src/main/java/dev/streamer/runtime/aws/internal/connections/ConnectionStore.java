package dev.streamer.runtime.aws.internal.connections;

import dev.streamer.core.routing.Caller;
import dev.streamer.core.routing.CallerResolver;
import dev.streamer.runtime.aws.tables.StreamerTables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The connections table (see {@link StreamerTables#CONNECTIONS}): one item per open connection, written on
 * {@code $connect}, removed on {@code $disconnect} or when a send finds the connection gone, and expired by TTL
 * ({@code CONNECTION_TTL}, 24 h by default) in case neither happens.
 *
 * <p>Items: {@code connectionId}, {@code userId}, {@code tenantId}, {@code endpoint} (strings), {@code connectedAt},
 * {@code lastPing} (epoch milliseconds), {@code claims} (map of strings), {@code ttl} (epoch seconds). Expired items
 * that TTL has not removed yet are treated as absent. It is also the {@link CallerResolver} of {@code $default}: the
 * caller of a message is the user and tenant its connection stored.
 */
public final class ConnectionStore implements CallerResolver {

  static final String CONNECTION_ID = StreamerTables.CONNECTION_ID;
  static final String USER_ID = StreamerTables.USER_ID;
  static final String TENANT_ID = StreamerTables.TENANT_ID;
  static final String ENDPOINT = "endpoint";
  static final String CONNECTED_AT = "connectedAt";
  static final String LAST_PING = "lastPing";
  static final String CLAIMS = "claims";
  static final String TTL = StreamerTables.TTL;

  private final DynamoDbClient client;
  private final String tableName;
  private final Duration ttl;
  private final Clock clock;

  public ConnectionStore(DynamoDbClient client, String tableName, Duration ttl, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("connection TTL must be positive");
    }
  }

  public String tableName() {
    return tableName;
  }

  /** Stores a new connection, connected and last seen now, expiring after the TTL; replaces any item of that id. */
  public ConnectionRecord create(String connectionId, String userId, String tenantId, String endpoint,
      Map<String, String> claims) {
    Instant now = clock.instant();
    ConnectionRecord record = new ConnectionRecord(connectionId, userId, tenantId, endpoint, now, now, claims,
        now.plus(ttl));
    put(record);
    return record;
  }

  /** Writes {@code record} as it is. */
  public void put(ConnectionRecord record) {
    // request objects rather than consumer lambdas: the connection functions' cold path spins no lambda classes
    client.putItem(PutItemRequest.builder().tableName(tableName).item(toItem(record)).build());
  }

  /** The live connection {@code connectionId}, read consistently; empty if absent or expired. */
  public Optional<ConnectionRecord> get(String connectionId) {
    Map<String, AttributeValue> item = liveItem(connectionId);
    return item == null ? Optional.empty() : Optional.of(fromItem(item));
  }

  /**
   * The caller of the live connection {@code connectionId} (read consistently, as {@link #get}), with
   * {@code traceId}; empty if absent or expired. Built from the item directly: {@code $default} asks this of every
   * message and needs no other field of the record.
   */
  @Override
  public Optional<Caller> resolve(String connectionId, String traceId) {
    Map<String, AttributeValue> item = liveItem(connectionId);
    return item == null ? Optional.empty() : Optional.of(new Caller(item.get(CONNECTION_ID).s(),
        item.get(USER_ID).s(), item.get(TENANT_ID).s(), claims(item), traceId));
  }

  /** The item of {@code connectionId}, read consistently; null if absent or expired ({@link ConnectionRecord#isExpired}). */
  private Map<String, AttributeValue> liveItem(String connectionId) {
    Map<String, AttributeValue> item = client.getItem(GetItemRequest.builder().tableName(tableName)
        .key(key(connectionId)).consistentRead(true).build()).item();
    return item == null || item.isEmpty() || !clock.instant().isBefore(expiresAt(item)) ? null : item;
  }

  /** Deletes the connection; true if there was an item. */
  public boolean delete(String connectionId) {
    return remove(connectionId).isPresent();
  }

  /** Deletes the record of {@code connectionId} and returns it as it was (expired or not); empty if absent. */
  public Optional<ConnectionRecord> remove(String connectionId) {
    Map<String, AttributeValue> old = client.deleteItem(b -> b.tableName(tableName).key(key(connectionId))
        .returnValues(ReturnValue.ALL_OLD)).attributes();
    return old == null || old.isEmpty() ? Optional.empty() : Optional.of(fromItem(old));
  }

  /**
   * Records a sign of life: {@code lastPing} becomes now and the expiry moves to now + TTL. False (and nothing
   * written) when the connection is not stored, so a late ping cannot resurrect a deleted connection.
   */
  public boolean touch(String connectionId) {
    Instant now = clock.instant();
    try {
      client.updateItem(b -> b.tableName(tableName).key(key(connectionId))
          .conditionExpression("attribute_exists(#id)")
          .updateExpression("SET #ping = :ping, #ttl = :ttl")
          .expressionAttributeNames(Map.of("#id", CONNECTION_ID, "#ping", LAST_PING, "#ttl", TTL))
          .expressionAttributeValues(Map.of(
              ":ping", number(now.toEpochMilli()),
              ":ttl", number(now.plus(ttl).getEpochSecond()))));
      return true;
    } catch (RuntimeException e) {
      // caught as a supertype: a catch clause naming it would load the SDK exception with this class at cold start
      if (e instanceof ConditionalCheckFailedException) {
        return false;
      }
      throw e;
    }
  }

  /** Live connections of {@code userId} (index {@code user-connections}, eventually consistent). */
  public List<ConnectionRecord> byUser(String userId) {
    return query(StreamerTables.USER_CONNECTIONS_INDEX, USER_ID, userId);
  }

  /** Live connections of {@code tenantId} (index {@code tenant-connections}, eventually consistent). */
  public List<ConnectionRecord> byTenant(String tenantId) {
    return query(StreamerTables.TENANT_CONNECTIONS_INDEX, TENANT_ID, tenantId);
  }

  /** Items per page of {@link #tenantPages}/{@link #userPages}: small enough that sending starts early. */
  public static final int PAGE_ITEMS = 100;

  /**
   * Live connections of {@code tenantId}, one list per query page (at most {@value #PAGE_ITEMS} items), each page
   * read when the iteration reaches it: a broadcast reads the next page while the previous one is being sent.
   */
  public Iterable<List<ConnectionRecord>> tenantPages(String tenantId) {
    return pages(StreamerTables.TENANT_CONNECTIONS_INDEX, TENANT_ID, tenantId);
  }

  /** Live connections of {@code userId}, page by page as {@link #tenantPages}. */
  public Iterable<List<ConnectionRecord>> userPages(String userId) {
    return pages(StreamerTables.USER_CONNECTIONS_INDEX, USER_ID, userId);
  }

  private Iterable<List<ConnectionRecord>> pages(String index, String attribute, String value) {
    Iterable<QueryResponse> responses = client.queryPaginator(queryRequest(index, attribute, value).toBuilder()
        .limit(PAGE_ITEMS).build());
    return () -> new java.util.Iterator<>() {
      private final java.util.Iterator<QueryResponse> pages = responses.iterator();

      @Override
      public boolean hasNext() {
        return pages.hasNext();
      }

      @Override
      public List<ConnectionRecord> next() {
        Instant now = clock.instant();
        List<ConnectionRecord> live = new ArrayList<>();
        for (Map<String, AttributeValue> item : pages.next().items()) {
          ConnectionRecord record = fromItem(item);
          if (!record.isExpired(now)) {
            live.add(record);
          }
        }
        return live;
      }
    };
  }

  private QueryRequest queryRequest(String index, String attribute, String value) {
    return QueryRequest.builder()
        .tableName(tableName)
        .indexName(index)
        .keyConditionExpression("#k = :v")
        .expressionAttributeNames(Map.of("#k", attribute))
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value)))
        .build();
  }

  private List<ConnectionRecord> query(String index, String attribute, String value) {
    Instant now = clock.instant();
    QueryRequest request = QueryRequest.builder()
        .tableName(tableName)
        .indexName(index)
        .keyConditionExpression("#k = :v")
        .expressionAttributeNames(Map.of("#k", attribute))
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value)))
        .build();
    List<ConnectionRecord> records = new ArrayList<>();
    for (Map<String, AttributeValue> item : client.queryPaginator(request).items()) {
      ConnectionRecord record = fromItem(item);
      if (!record.isExpired(now)) {
        records.add(record);
      }
    }
    return records;
  }

  static Map<String, AttributeValue> toItem(ConnectionRecord record) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(CONNECTION_ID, AttributeValue.fromS(record.connectionId()));
    item.put(USER_ID, AttributeValue.fromS(record.userId()));
    item.put(TENANT_ID, AttributeValue.fromS(record.tenantId()));
    item.put(ENDPOINT, AttributeValue.fromS(record.endpoint()));
    item.put(CONNECTED_AT, number(record.connectedAt().toEpochMilli()));
    item.put(LAST_PING, number(record.lastPing().toEpochMilli()));
    Map<String, AttributeValue> claims = new HashMap<>();
    for (Map.Entry<String, String> claim : record.claims().entrySet()) {
      claims.put(claim.getKey(), AttributeValue.fromS(claim.getValue()));
    }
    item.put(CLAIMS, AttributeValue.fromM(claims));
    item.put(TTL, number(record.expiresAt().getEpochSecond()));
    return item;
  }

  static ConnectionRecord fromItem(Map<String, AttributeValue> item) {
    return new ConnectionRecord(
        item.get(CONNECTION_ID).s(),
        item.get(USER_ID).s(),
        item.get(TENANT_ID).s(),
        item.get(ENDPOINT).s(),
        Instant.ofEpochMilli(Long.parseLong(item.get(CONNECTED_AT).n())),
        Instant.ofEpochMilli(Long.parseLong(item.get(LAST_PING).n())),
        claims(item),
        expiresAt(item));
  }

  private static Map<String, String> claims(Map<String, AttributeValue> item) {
    Map<String, String> claims = new HashMap<>();
    AttributeValue stored = item.get(CLAIMS);
    if (stored != null && stored.hasM()) {
      for (Map.Entry<String, AttributeValue> claim : stored.m().entrySet()) {
        if (claim.getValue().s() != null) {
          claims.put(claim.getKey(), claim.getValue().s());
        }
      }
    }
    return claims;
  }

  private static Instant expiresAt(Map<String, AttributeValue> item) {
    return Instant.ofEpochSecond(Long.parseLong(item.get(TTL).n()));
  }

  private static Map<String, AttributeValue> key(String connectionId) {
    return Map.of(CONNECTION_ID, AttributeValue.fromS(connectionId));
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
