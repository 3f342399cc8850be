package dev.streamer.processor.write;

import java.util.List;

/**
 * Facts of the wire protocol (README "Wire protocol") that the generated AsyncAPI document and JavaScript client
 * describe. The lists are copies of runtime enums, which the processor cannot depend on; {@code
 * WireProtocolCopiesTest} checks that they agree with {@code dev.streamer.runtime}.
 */
final class WireProtocol {

  /** {@code dev.streamer.runtime.protocol.ErrorCode}, in declaration order. */
  static final List<String> ERROR_CODES = List.of("VALIDATION_ERROR", "INVALID_ACTION", "NOT_FOUND", "UNAUTHORIZED",
      "FORBIDDEN", "RATE_LIMITED", "TIMEOUT", "INTERNAL_ERROR", "SERVICE_UNAVAILABLE", "CANCELLED");

  /** The error codes whose {@code retryable()} is true. */
  static final List<String> RETRYABLE_ERROR_CODES = List.of("RATE_LIMITED", "TIMEOUT", "SERVICE_UNAVAILABLE");

  /** {@code dev.streamer.runtime.aws.requests.RequestStatus}, in declaration order. */
  static final List<String> REQUEST_STATUSES = List.of("PENDING", "PROCESSING", "COMPLETED", "FAILED", "CANCELLED");

  /** The {@code CancelResult.Outcome}s a {@code cancel} reply can carry (NOT_FOUND is an error reply instead). */
  static final List<String> CANCEL_OUTCOMES = List.of("CANCELLED", "CANCEL_REQUESTED", "ALREADY_FINISHED");

  /** Longest client correlation id ({@code id}) the router accepts. */
  static final int MAX_CLIENT_ID_LENGTH = 128;

  /** Longest {@code requestId} the built-ins accept ({@code RequestRef.MAX_LENGTH}). */
  static final int MAX_REQUEST_ID_LENGTH = 128;

  /** Largest message, in UTF-8 bytes (API Gateway's frame limit). */
  static final int MAX_MESSAGE_BYTES = 128 * 1024;

  /** A built-in action: payload {@code {"requestId": "…"}}, answered synchronously with the request's status. */
  record Builtin(String name, String description, boolean cancelOutcome) {}

  /** The built-ins, as the runtime's {@code aws.builtins} routes describe themselves. */
  static final List<Builtin> BUILTINS = List.of(
      new Builtin("status", "Status, progress and result of one of your requests", false),
      new Builtin("subscribe", "Receive the rest of one of your requests on this connection", false),
      new Builtin("cancel", "Cancel one of your requests", true));

  private WireProtocol() {}
}
