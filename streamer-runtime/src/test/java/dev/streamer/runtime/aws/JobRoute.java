package dev.streamer.runtime.aws;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.json.JsonDecodeException;
import dev.streamer.core.routing.Route;
import dev.streamer.core.validation.Violations;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written async route, shaped like generated code, whose behaviour each test supplies. Payload
 * {@code {"n": int (Min 0)}}; result {@code {"n": n, "done": true}}.
 */
public final class JobRoute implements Route<JobRoute.Job, Integer> {

  public record Job(int n) {}

  /** What the action does. */
  @FunctionalInterface
  public interface Behaviour {
    Integer run(Job job, RequestContext context, Progress progress) throws Exception;
  }

  private final String action;
  private final Behaviour behaviour;
  private final AtomicInteger invocations = new AtomicInteger();
  private volatile RequestContext lastContext;
  private volatile int resultPadding;
  private volatile boolean isolated;

  public JobRoute(String action, Behaviour behaviour) {
    this.action = action;
    this.behaviour = behaviour;
  }

  /** Adds a {@code "pad"} string of {@code chars} characters to every result, to test size limits. */
  public JobRoute withResultPadding(int chars) {
    this.resultPadding = chars;
    return this;
  }

  /** Makes the route isolated ({@code @Action(isolated = true)}): run by the worker function. */
  public JobRoute asIsolated() {
    this.isolated = true;
    return this;
  }

  @Override
  public boolean isolated() {
    return isolated;
  }

  public int invocations() {
    return invocations.get();
  }

  public RequestContext lastContext() {
    return lastContext;
  }

  @Override
  public String action() {
    return action;
  }

  @Override
  public String description() {
    return "";
  }

  @Override
  public long estimatedMillis() {
    return 60_000;
  }

  @Override
  public boolean async() {
    return true;
  }

  @Override
  public Job decode(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new JsonDecodeException("", "must be an object");
    }
    Integer n = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (name.equals("n")) {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
          throw new JsonDecodeException("n", "must be an integer");
        }
        n = p.getIntValue();
      } else {
        p.skipChildren();
      }
    }
    if (n == null) {
      throw new JsonDecodeException("n", "is required");
    }
    return new Job(n);
  }

  @Override
  public void validate(Job payload, Violations violations) {
    if (payload.n() < 0) {
      violations.add("n", "Min", "must be at least 0");
    }
  }

  @Override
  public Integer invoke(Job payload, RequestContext context, Progress progress) throws Exception {
    invocations.incrementAndGet();
    lastContext = context;
    return behaviour.run(payload, context, progress);
  }

  @Override
  public void writeResult(Integer result, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("n", result);
    g.writeBooleanField("done", true);
    if (resultPadding > 0) {
      g.writeStringField("pad", "x".repeat(resultPadding));
    }
    g.writeEndObject();
  }
}
