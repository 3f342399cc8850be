package dev.streamer.runtime.aws.internal.connections;

import dev.streamer.core.FatalException;
import dev.streamer.core.protocol.ErrorCode;
import java.util.Map;

/**
 * A message over API Gateway's WebSocket limit, refused before any call. Not chunked on purpose: the 128 KB limit
 * applies to the whole message (frames are at most 32 KB and a message spans several), API Gateway closes the
 * connection with 1009 when it is exceeded, and chunking would push reassembly onto every client. A result that big
 * belongs elsewhere (an S3 object, say) with a reference in the message.
 */
public final class MessageTooLargeException extends FatalException {
  private static final long serialVersionUID = 1L;

  private final int sizeBytes;
  private final int limitBytes;

  public MessageTooLargeException(int sizeBytes, int limitBytes) {
    super(ErrorCode.INTERNAL_ERROR, "message of " + sizeBytes + " bytes exceeds the WebSocket limit of "
        + limitBytes + " bytes", Map.of("sizeBytes", sizeBytes, "limitBytes", limitBytes), null);
    this.sizeBytes = sizeBytes;
    this.limitBytes = limitBytes;
  }

  /** UTF-8 size of the refused message. */
  public int sizeBytes() {
    return sizeBytes;
  }

  public int limitBytes() {
    return limitBytes;
  }
}
