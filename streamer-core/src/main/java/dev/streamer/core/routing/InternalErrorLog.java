package dev.streamer.core.routing;

/**
 * Where the {@link Router} reports a request it answered with {@code INTERNAL_ERROR}: the client saw only the fixed
 * message "internal error", so this is where the cause is found. The AWS runtime writes one JSON log line with the
 * request's fields (as for a failed queued request); the default writes to {@link System.Logger}.
 */
@FunctionalInterface
public interface InternalErrorLog {

  /**
   * @param failure   what was thrown (never sent to the client)
   * @param requestId the server-assigned request id, or null when the frame failed before one was assigned
   * @param clientId  the client's {@code id}, or null
   * @param action    the action, or null when the frame could not be read
   * @param caller    who sent it (connection, user, tenant, trace id)
   */
  void internalError(Throwable failure, String requestId, String clientId, String action, Caller caller);

  /** {@link System.Logger} at ERROR, with the exception. */
  static InternalErrorLog systemLogger() {
    System.Logger log = System.getLogger(Router.class.getName());
    return (failure, requestId, clientId, action, caller) -> log.log(System.Logger.Level.ERROR,
        "request " + requestId + " (action " + action + ") failed with an internal error", failure);
  }
}
