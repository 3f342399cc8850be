package dev.streamer.runtime.aws.tables;

import java.time.Duration;
import java.util.List;

/**
 * The single definition of Streamer's two DynamoDB tables. Tests, the local stack and the deployment template
 * (SAM/AsyncAPI generation) are all derived from {@link #REQUESTS} and {@link #CONNECTIONS}; change them only here.
 */
public final class StreamerTables {

  static final String REQUESTS_LOGICAL = "requests";
  static final String CONNECTIONS_LOGICAL = "connections";

  // ---- requests table: key and index attributes
  public static final String REQUEST_ID = "requestId";
  public static final String CONNECTION_ID = "connectionId";
  public static final String STATUS = "status";
  public static final String CREATED_AT = "createdAt";
  /** When the request of an isolated action was last handed to a worker (epoch ms); the sweeper filters on it. */
  public static final String DISPATCHED_AT = "dispatchedAt";
  /** TTL attribute of both tables, epoch seconds. */
  public static final String TTL = "ttl";

  /** Index of the requests table by the connection that will receive replies. */
  public static final String CONNECTION_REQUESTS_INDEX = "connection-requests";
  /** Index of the requests table by status, newest last: what the sweeper scans. */
  public static final String STATUS_TIME_INDEX = "status-time";

  // ---- connections table: index attributes
  public static final String USER_ID = "userId";
  public static final String TENANT_ID = "tenantId";
  public static final String USER_CONNECTIONS_INDEX = "user-connections";
  public static final String TENANT_CONNECTIONS_INDEX = "tenant-connections";

  /** Attributes the sweeper needs besides the keys; projected into {@link #STATUS_TIME_INDEX}. */
  public static final List<String> STATUS_TIME_PROJECTION = List.of(
      "retryAfter", "leaseExpiresAt", "retryCount", "maxRetries", "attempts", "cancelRequested", CONNECTION_ID,
      DISPATCHED_AT);

  /** {@link #DEFAULT_REQUEST_TTL} in days: a constant that reading it does not initialise this class for. */
  public static final int DEFAULT_REQUEST_TTL_DAYS = 7;
  /** {@link #DEFAULT_CONNECTION_TTL} in hours: a constant that reading it does not initialise this class for. */
  public static final int DEFAULT_CONNECTION_TTL_HOURS = 24;
  public static final Duration DEFAULT_REQUEST_TTL = Duration.ofDays(DEFAULT_REQUEST_TTL_DAYS);
  public static final Duration DEFAULT_CONNECTION_TTL = Duration.ofHours(DEFAULT_CONNECTION_TTL_HOURS);

  /**
   * Requests: the queue and the durable record of every async request, its progress and its outcome. The stream
   * (new and old images) triggers the processor.
   */
  public static final TableDefinition REQUESTS = new TableDefinition(
      REQUESTS_LOGICAL,
      TableNames.DEFAULT_REQUESTS,
      KeyAttribute.string(REQUEST_ID),
      List.of(
          IndexDefinition.all(CONNECTION_REQUESTS_INDEX, KeyAttribute.string(CONNECTION_ID), null),
          IndexDefinition.include(STATUS_TIME_INDEX, KeyAttribute.string(STATUS),
              KeyAttribute.number(CREATED_AT), STATUS_TIME_PROJECTION)),
      TTL,
      "NEW_AND_OLD_IMAGES");

  /** Connections: one item per open WebSocket connection, with the user and tenant from its token. */
  public static final TableDefinition CONNECTIONS = new TableDefinition(
      CONNECTIONS_LOGICAL,
      TableNames.DEFAULT_CONNECTIONS,
      KeyAttribute.string(CONNECTION_ID),
      List.of(
          IndexDefinition.all(USER_CONNECTIONS_INDEX, KeyAttribute.string(USER_ID), null),
          IndexDefinition.all(TENANT_CONNECTIONS_INDEX, KeyAttribute.string(TENANT_ID), null)),
      TTL,
      null);

  /** Both tables, requests first. */
  public static final List<TableDefinition> ALL = List.of(REQUESTS, CONNECTIONS);

  private StreamerTables() {}

  /** Creates both tables where missing, waits until ACTIVE and enables TTL; see {@link TableCreator}. */
  public static void createIfMissing(software.amazon.awssdk.services.dynamodb.DynamoDbClient client, TableNames names) {
    TableCreator.createIfMissing(client, names);
  }
}
