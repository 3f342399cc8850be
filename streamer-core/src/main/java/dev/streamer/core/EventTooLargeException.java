package dev.streamer.core;

import dev.streamer.core.protocol.ErrorCode;
import java.util.Map;

/**
 * An event whose message exceeds the WebSocket message limit ({@link dev.streamer.core.protocol.Limits#MAX_MESSAGE_BYTES},
 * 128 KiB of UTF-8; source: the API Gateway WebSocket quotas), refused before anything is sent. Send a reference
 * (an S3 key, a URL) instead of the content. Uncaught in an action, the request fails with {@code INTERNAL_ERROR}.
 */
public final class EventTooLargeException extends FatalException {
  private static final long serialVersionUID = 1L;

  private final String event;
  private final int sizeBytes;
  private final int limitBytes;

  public EventTooLargeException(String event, int sizeBytes, int limitBytes) {
    super(ErrorCode.INTERNAL_ERROR, "event " + event + " of " + sizeBytes + " bytes exceeds the WebSocket message"
        + " limit of " + limitBytes + " bytes", Map.of("event", event, "sizeBytes", sizeBytes, "limitBytes",
        limitBytes), null);
    this.event = event;
    this.sizeBytes = sizeBytes;
    this.limitBytes = limitBytes;
  }

  /** The event's name on the wire. */
  public String event() {
    return event;
  }

  /** UTF-8 size of the refused message, in bytes. */
  public int sizeBytes() {
    return sizeBytes;
  }

  public int limitBytes() {
    return limitBytes;
  }
}
