package dev.streamer.core.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.streamer.core.FatalException;
import dev.streamer.core.RetryableException;
import dev.streamer.core.StreamerException;
import dev.streamer.core.json.Json;
import dev.streamer.core.json.JsonDecodeException;
import dev.streamer.core.validation.ValidationException;
import dev.streamer.core.validation.Violations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns any failure into the {@link StreamerError} the client sees. Only what is client-safe by contract reaches the
 * client: the code, message and details of a {@link StreamerException}, the path and message of a
 * {@link JsonDecodeException}, the violations of a {@link ValidationException}, and fixed texts for Jackson parse
 * faults. Everything else becomes INTERNAL_ERROR with the fixed message {@value #INTERNAL_MESSAGE}. Nothing is logged
 * here: callers log an INTERNAL_ERROR with their request's fields (the router through
 * {@link dev.streamer.core.routing.InternalErrorLog}, the stream processor as one JSON line).
 */
public final class ErrorMapper {

  public static final String INTERNAL_MESSAGE = "internal error";
  public static final String MALFORMED_JSON = "malformed JSON";

  private final Clock clock;

  public ErrorMapper(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public ErrorMapper() {
    this(Clock.systemUTC());
  }

  /**
   * Maps a failure that happened while reading the client's input or running its request. Jackson read faults
   * count as the client's (VALIDATION_ERROR); use {@link #toExecutionError} for failures raised by the action.
   *
   * @param requestId server-assigned id for the log, or null before one was assigned
   */
  public StreamerError toError(Throwable failure, String requestId) {
    if (failure instanceof JsonProcessingException json && !(json.getProcessor() instanceof JsonGenerator)) {
      return jsonReadError(json);
    }
    return toExecutionError(failure, requestId);
  }

    /**
   * The VALIDATION_ERROR of a payload that broke its constraints: a {@link ValidationException} of the violations
   * {@code violations} kept, counting them all. Built here rather than by the router, whose class the JVM's verifier
   * would otherwise load the exception's class with (it checks that the exception passed is a {@link Throwable}) on
   * every cold start.
   */
  public StreamerError violations(Violations violations) {
    return toExecutionError(new ValidationException(violations.list(), violations.count()), null);
  }

  /**
   * Maps a failure raised while an action ran (through its interceptors): there, a Jackson exception is the
   * server's fault (the action read or wrote JSON of its own), so it becomes INTERNAL_ERROR.
   */
  public StreamerError toExecutionError(Throwable failure, String requestId) {
    if (failure instanceof JsonDecodeException decode) {
      String path = decode.path() == null ? "" : decode.path();
      String message = path.isEmpty() ? decode.getMessage() : path + ": " + decode.getMessage();
      return new StreamerError(ErrorCode.VALIDATION_ERROR, message, Map.of("path", path), null);
    }
    if (failure instanceof ValidationException invalid) {
      return new StreamerError(ErrorCode.VALIDATION_ERROR, invalid.getMessage(),
          Map.of("violations", invalid.violations()), null);
    }
    if (failure instanceof RetryableException retryable) {
      Duration after = retryable.retryAfter();
      Instant at = retryable.retryAt() != null ? retryable.retryAt()
          : after == null || after.isNegative() ? null : clock.instant().plus(after);
      return new StreamerError(codeOf(retryable), messageOf(retryable), retryable.details(),
          new RetryInfo(true, at, 0, 0));
    }
    if (failure instanceof FatalException fatal) {
      return new StreamerError(codeOf(fatal), messageOf(fatal), fatal.details(), new RetryInfo(false, null, 0, 0));
    }
    if (failure instanceof StreamerException streamer) {
      return new StreamerError(codeOf(streamer), messageOf(streamer), streamer.details(), null);
    }
    return StreamerError.of(ErrorCode.INTERNAL_ERROR, INTERNAL_MESSAGE);
  }

  /**
   * A Jackson read fault as a VALIDATION_ERROR with a fixed message (never Jackson's own text, which names
   * internals): a broken read limit, a number out of range, or malformed JSON with its line and column.
   */
  public static StreamerError jsonReadError(JsonProcessingException e) {
    if (e instanceof StreamConstraintsException) {
      return StreamerError.of(ErrorCode.VALIDATION_ERROR, limitMessage(String.valueOf(e.getOriginalMessage())));
    }
    if (e instanceof InputCoercionException) {
      return StreamerError.of(ErrorCode.VALIDATION_ERROR, "number out of range");
    }
    Map<String, Object> details = new LinkedHashMap<>();
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      details.put("line", at.getLineNr());
      details.put("column", at.getColumnNr());
    }
    return new StreamerError(ErrorCode.VALIDATION_ERROR, MALFORMED_JSON, details, null);
  }

  private static String limitMessage(String jacksonMessage) {
    if (jacksonMessage.contains("NestingDepth")) {
      return "payload nesting too deep (at most " + Json.MAX_NESTING_DEPTH + " levels)";
    }
    if (jacksonMessage.contains("NumberLength")) {
      return "number too long (at most " + Json.MAX_NUMBER_LENGTH + " characters)";
    }
    if (jacksonMessage.contains("StringLength")) {
      return "string too long (at most " + Json.MAX_STRING_LENGTH + " characters)";
    }
    if (jacksonMessage.contains("NameLength")) {
      return "field name too long";
    }
    return "message exceeds a JSON read limit";
  }

  private static ErrorCode codeOf(StreamerException e) {
    return e.code() == null ? ErrorCode.INTERNAL_ERROR : e.code();
  }

  private static String messageOf(StreamerException e) {
    String message = e.getMessage();
    return message != null ? message : codeOf(e).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
