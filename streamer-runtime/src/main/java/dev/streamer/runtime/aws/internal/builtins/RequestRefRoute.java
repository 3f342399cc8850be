package dev.streamer.runtime.aws.internal.builtins;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.streamer.core.RequestContext;
import dev.streamer.core.StreamerException;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import dev.streamer.core.json.JsonDecodeException;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.routing.Route;
import dev.streamer.core.validation.Violations;
import java.io.IOException;
import java.util.Objects;

/**
 * Shared part of the built-in actions: the {@link RequestRef} payload and the ownership rule. They run
 * synchronously in the router and never queue.
 *
 * <p>Ownership: a request belongs to the user and tenant that sent it. Anyone else, including the same user id in
 * another tenant, gets {@code NOT_FOUND} with the same message as for a request that does not exist, so ids cannot be
 * probed. A request sent without authentication (no user) is reachable only by unauthenticated callers that know its
 * random id.
 */
abstract class RequestRefRoute<R> implements Route<RequestRef, R> {

  static final String NOT_FOUND_MESSAGE = "request not found";

  protected final DynamoRequestStore store;
  private final String action;
  private final String description;

  RequestRefRoute(DynamoRequestStore store, String action, String description) {
    this.store = Objects.requireNonNull(store, "store");
    this.action = action;
    this.description = description;
  }

  @Override
  public final String action() {
    return action;
  }

  @Override
  public final String description() {
    return description;
  }

  /** Not declared: a runtime async threshold never queues a built-in. */
  @Override
  public final long estimatedMillis() {
    return -1;
  }

  @Override
  public final boolean async() {
    return false;
  }

  @Override
  public final RequestRef decode(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new JsonDecodeException("", "must be an object with a requestId");
    }
    String requestId = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("requestId")) {
        if (value != JsonToken.VALUE_STRING) {
          throw new JsonDecodeException("requestId", "must be a string");
        }
        requestId = p.getText();
      } else {
        p.skipChildren();
      }
    }
    if (requestId == null) {
      throw new JsonDecodeException("requestId", "is required");
    }
    return new RequestRef(requestId);
  }

  @Override
  public final void validate(RequestRef payload, Violations violations) {
    if (payload.requestId().isBlank()) {
      violations.add("requestId", "NotBlank", "must not be blank");
    } else if (payload.requestId().length() > RequestRef.MAX_LENGTH) {
      violations.add("requestId", "Size", "must be at most " + RequestRef.MAX_LENGTH + " characters");
    }
  }

  /** The caller's own request, or NOT_FOUND. */
  protected final RequestRecord owned(RequestRef ref, RequestContext caller) {
    return store.get(ref.requestId())
        .filter(r -> ownedBy(r, caller))
        .orElseThrow(RequestRefRoute::notFound);
  }

  static boolean ownedBy(RequestRecord request, RequestContext caller) {
    return Objects.equals(request.userId(), caller.userId()) && Objects.equals(request.tenantId(), caller.tenantId());
  }

  static StreamerException notFound() {
    return new StreamerException(ErrorCode.NOT_FOUND, NOT_FOUND_MESSAGE);
  }
}
