package dev.streamer.runtime.aws.internal.limits;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.json.JsonRead;
import dev.streamer.core.limits.RateLimit;
import dev.streamer.core.routing.Route;
import dev.streamer.core.validation.Violations;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** A synchronous route shaped like generated code, with compiled rate limits; counts its invocations. */
final class EchoRoute implements Route<Void, String> {

  private final String action;
  private final RateLimit perUser;
  private final RateLimit perTenant;
  final AtomicInteger invocations = new AtomicInteger();

  private final boolean async;

  EchoRoute(String action, RateLimit perUser, RateLimit perTenant) {
    this(action, perUser, perTenant, false);
  }

  /** {@code async}: queued, like an action estimated over the threshold. */
  EchoRoute(String action, RateLimit perUser, RateLimit perTenant, boolean async) {
    this.action = action;
    this.perUser = perUser;
    this.perTenant = perTenant;
    this.async = async;
  }

  @Override public String action() { return action; }
  @Override public String description() { return ""; }
  @Override public long estimatedMillis() { return -1; }
  @Override public boolean async() { return async; }
  @Override public RateLimit rateLimit() { return perUser; }
  @Override public RateLimit tenantRateLimit() { return perTenant; }

  @Override
  public Void decode(JsonParser parser) throws IOException {
    if (parser.currentToken() != null) {
      JsonRead.skipValue(parser);
    }
    return null;
  }

  @Override public void validate(Void payload, Violations violations) {}

  @Override
  public String invoke(Void payload, RequestContext context, Progress progress) {
    invocations.incrementAndGet();
    return "echo";
  }

  @Override
  public void writeResult(String result, JsonGenerator generator) throws IOException {
    generator.writeString(result);
  }
}
