package dev.streamer.processor.write.json;

import dev.streamer.core.protocol.BuiltinAction;
import dev.streamer.core.protocol.CancelOutcome;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.Limits;
import dev.streamer.core.protocol.RequestStatus;
import java.util.Arrays;
import java.util.List;

/**
 * Facts of the wire protocol (README "Wire protocol") that the generated AsyncAPI document and JavaScript client
 * describe, read from their one definition in {@code streamer-core} ({@code dev.streamer.core.protocol}).
 */
public final class WireProtocol {

  /** {@link ErrorCode}, in declaration order. */
  public static final List<String> ERROR_CODES = Arrays.stream(ErrorCode.values()).map(Enum::name).toList();

  /** The error codes whose {@code retryable()} is true. */
  public static final List<String> RETRYABLE_ERROR_CODES =
      Arrays.stream(ErrorCode.values()).filter(ErrorCode::retryable).map(Enum::name).toList();

  /** {@link RequestStatus}, in declaration order. */
  public static final List<String> REQUEST_STATUSES = Arrays.stream(RequestStatus.values()).map(Enum::name).toList();

  /** The {@link CancelOutcome}s a {@code cancel} reply can carry (NOT_FOUND is an error reply instead). */
  public static final List<String> CANCEL_OUTCOMES =
      Arrays.stream(CancelOutcome.values()).filter(CancelOutcome::isReplied).map(Enum::name).toList();

  public static final int MAX_CLIENT_ID_LENGTH = Limits.MAX_CLIENT_ID_LENGTH;
  public static final int MAX_REQUEST_ID_LENGTH = Limits.MAX_REQUEST_ID_LENGTH;
  public static final int MAX_MESSAGE_BYTES = Limits.MAX_MESSAGE_BYTES;
  public static final int MAX_FRAME_BYTES = Limits.MAX_FRAME_BYTES;
  public static final int MAX_URL_CHARS = Limits.MAX_URL_CHARS;
  public static final int IDLE_TIMEOUT_SECONDS = Limits.IDLE_TIMEOUT_SECONDS;

  /** The built-ins: payload {@code {"requestId": "…"}}, answered synchronously with the request's status. */
  public static final List<BuiltinAction> BUILTINS = List.of(BuiltinAction.values());

  private WireProtocol() {}
}
