package dev.streamer.runtime.aws.internal.requests;

import dev.streamer.runtime.aws.tables.StreamerTables;

/**
 * Attribute names of a requests-table item. Timestamps are epoch milliseconds (numbers) except {@link #TTL}, which
 * DynamoDB requires in epoch seconds. Many of these are reserved words: expressions always alias them.
 */
final class RequestAttributes {
  static final String REQUEST_ID = StreamerTables.REQUEST_ID;
  static final String STATUS = StreamerTables.STATUS;
  static final String ACTION = "action";
  static final String PAYLOAD = "payload";
  static final String CLIENT_ID = "clientId";
  static final String USER_ID = "userId";
  static final String TENANT_ID = "tenantId";
  static final String CONNECTION_ID = StreamerTables.CONNECTION_ID;
  static final String TRACE_ID = "traceId";
  static final String METADATA = "metadata";
  static final String CREATED_AT = StreamerTables.CREATED_AT;
  static final String TTL = StreamerTables.TTL;
  static final String RETRY_COUNT = "retryCount";
  static final String MAX_RETRIES = "maxRetries";
  static final String RETRY_AFTER = "retryAfter";
  static final String ATTEMPTS = "attempts";
  static final String STARTED = "started";
  static final String ENDED = "ended";
  static final String LEASE_EXPIRES_AT = "leaseExpiresAt";
  static final String PROGRESS = "progress";
  static final String PROGRESS_MESSAGE = "progressMessage";
  static final String RESULT = "result";
  static final String ERROR_CODE = "errorCode";
  static final String ERROR_MESSAGE = "errorMessage";
  static final String CANCEL_REQUESTED = "cancelRequested";
  /** Set by the sweeper only to make the item change, so that the stream emits a MODIFY record for it. */
  static final String REDRIVE_AT = "redriveAt";
  /**
   * When the stream processor last handed the PENDING request of an isolated action to a worker; the sweeper
   * re-drives it when no worker claimed it within {@code IsolatedExecution.DISPATCH_TIMEOUT}.
   */
  static final String DISPATCHED_AT = StreamerTables.DISPATCHED_AT;

  private RequestAttributes() {}
}
