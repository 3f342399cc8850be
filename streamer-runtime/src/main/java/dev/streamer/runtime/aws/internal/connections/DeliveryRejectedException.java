package dev.streamer.runtime.aws.internal.connections;

import dev.streamer.core.FatalException;
import dev.streamer.core.protocol.ErrorCode;
import java.util.Map;

/**
 * API Gateway refused a send for a reason retrying cannot fix: 403 (missing {@code execute-api:ManageConnections}
 * permission, wrong endpoint or stage), 400 or 413. Fatal; the status is in {@link #status()} and the logs.
 */
public final class DeliveryRejectedException extends FatalException {
  private static final long serialVersionUID = 1L;

  private final String connectionId;
  private final int status;

  public DeliveryRejectedException(String connectionId, int status, Throwable cause) {
    super(ErrorCode.INTERNAL_ERROR, "message rejected by the connection endpoint", Map.of(), cause);
    this.connectionId = connectionId;
    this.status = status;
  }

  public String connectionId() {
    return connectionId;
  }

  public int status() {
    return status;
  }
}
