package dev.streamer.core.protocol;

/**
 * Size limits of the wire protocol, defined once and read by the router, the clients, the connection manager, the
 * local stack and the generated documents.
 *
 * <p>Source: Amazon API Gateway quotas for WebSocket APIs
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-execution-service-websocket-limits-table.html):
 * a message is at most 128 KB and a frame at most 32 KB; a larger message or frame closes the connection with
 * status 1009; the URL of a WebSocket API (so a token in the query) is at most 4096 characters; a connection idle
 * for 10 minutes is closed, and every connection is closed after 2 hours.
 */
public final class Limits {

  /** Largest message, in UTF-8 bytes: 128 KiB. */
  public static final int MAX_MESSAGE_BYTES = 128 * 1024;

  /** Largest WebSocket frame API Gateway accepts, in bytes: 32 KiB. Browsers send each message as one frame. */
  public static final int MAX_FRAME_BYTES = 32 * 1024;

  /**
   * Longest URL of a WebSocket API, in characters ("Length, in characters, of the URL for a WebSocket API": 4096, not
   * adjustable), scheme, host, stage and query included: a token sent in the query must fit in it; longer tokens
   * belong in a header or {@code Sec-WebSocket-Protocol}.
   */
  public static final int MAX_URL_CHARS = 4096;

  /**
   * API Gateway's idle connection timeout, in seconds: 10 minutes ("Idle Connection Timeout", not adjustable). The
   * local gateway closes idle sockets after it; the clients' heartbeats come well within it.
   */
  public static final int IDLE_TIMEOUT_SECONDS = 10 * 60;

  /**
   * API Gateway's longest WebSocket connection, in seconds: 2 hours ("Connection duration for WebSocket API", not
   * adjustable). Connection items must outlive it ({@code CONNECTION_TTL}), and a per-user connection place is freed
   * after it at the latest.
   */
  public static final int MAX_CONNECTION_SECONDS = 2 * 60 * 60;

  /** Longest client correlation id ({@code id}), in characters. */
  public static final int MAX_CLIENT_ID_LENGTH = 128;

  /** Longest {@code requestId} the built-in actions accept, in characters (ours are UUIDs). */
  public static final int MAX_REQUEST_ID_LENGTH = 128;

  private Limits() {}
}
