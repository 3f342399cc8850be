package dev.streamer.core.routing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.streamer.core.json.Json;
import dev.streamer.core.json.JsonDecodeException;
import dev.streamer.core.json.JsonRead;
import dev.streamer.core.json.JsonReader;
import dev.streamer.core.json.JsonWrite;
import dev.streamer.core.json.JsonWriter;
import dev.streamer.core.validation.Path;
import dev.streamer.core.validation.Validator;
import dev.streamer.core.validation.Violations;
import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * What every generated {@code <Action>Route} shares: the action's metadata, the payload-required check, and the
 * delegation of decode, validate and encode to the generated codecs and validator. A generated route passes its
 * constants and codecs to this constructor and implements only {@link #invoke} (and {@link #queueWhen} when the
 * payload declares {@code @QueueWhen}).
 *
 * @param <P> payload type ({@code Void} when the action takes none)
 * @param <R> result type ({@code Void} for {@code void} actions)
 */
public abstract class ActionRoute<P, R> implements Route<P, R> {

  /** The writer of a {@code void} action's result: {@code null}. */
  protected static final JsonWriter<Object> NULL_RESULT = JsonWrite.NULL; // not a lambda: spun at every cold start

  private final String action;
  private final String description;
  private final long estimatedMillis;
  private final boolean async;
  private final JsonReader<P> payloadReader;
  private final Validator<? super P> validator;
  private final JsonWriter<? super R> resultWriter;

  /**
   * @param action          action name on the wire
   * @param description     {@code @Action(description)}, or empty
   * @param estimatedMillis {@code @Action(estimated)} in milliseconds, or -1
   * @param async           the compiled decision (estimate above the processor's threshold)
   * @param payloadReader   the payload's codec, or null when the action takes no payload (whatever is sent is
   *                        skipped and the payload is null)
   * @param validator       the payload's validator, or null when it has no constraints
   * @param resultWriter    writes the result as one JSON value
   */
  protected ActionRoute(String action, String description, long estimatedMillis, boolean async,
      JsonReader<P> payloadReader, Validator<? super P> validator, JsonWriter<? super R> resultWriter) {
    this.action = Objects.requireNonNull(action, "action");
    this.description = Objects.requireNonNull(description, "description");
    this.estimatedMillis = estimatedMillis;
    this.async = async;
    this.payloadReader = payloadReader;
    this.validator = validator;
    this.resultWriter = Objects.requireNonNull(resultWriter, "resultWriter");
  }

  @Override
  public final String action() {
    return action;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final long estimatedMillis() {
    return estimatedMillis;
  }

  @Override
  public final boolean async() {
    return async;
  }

  /** Whether the action takes a payload (then a missing or null one is a decode error). */
  public final boolean hasPayload() {
    return payloadReader != null;
  }

  @Override
  public final P decode(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (payloadReader == null) {
      if (token != null) {
        JsonRead.skipValue(parser); // no payload: whatever was sent is skipped
      }
      return null;
    }
    if (token == null || token == JsonToken.VALUE_NULL) {
      throw JsonDecodeException.of("", "payload is required");
    }
    return payloadReader.read(parser);
  }

  @Override
  public final void validate(P payload, Violations violations) {
    if (validator != null) {
      validator.validate(payload, Path.ROOT, violations);
    }
  }

  @Override
  public final void writeResult(R result, JsonGenerator generator) throws IOException {
    resultWriter.write(generator, result);
  }


  /** This route's example; generated routes override it. */
  protected RouteExample<R> example() {
    return new RouteExample<>(null, null, null);
  }

  /**
   * A minimal payload of this action as JSON, which its codec reads (it need not pass validation), or null when the
   * action takes none: for tools that show how to call the action (the banner of {@code mvn streamer:run}).
   */
  public final String examplePayload() {
    return example().payloadJson();
  }

  /**
   * Runs decode, validate and encode on the route's {@link #example()}, so that the classes and code paths of this
   * action are loaded and initialised before a SnapStart snapshot; the action itself ({@link #invoke}) is never
   * called and no user code runs. Violations of the example are expected and ignored.
   *
   * @throws IOException when a codec rejects the example (a processor bug)
   */
  public final void prime() throws IOException {
    RouteExample<R> example = example();
    if (payloadReader == null || example.payloadJson() != null) { // a required payload needs its example
      String payloadJson = example.payloadJson() == null ? "null" : example.payloadJson();
      try (JsonParser parser = Json.FACTORY.createParser(payloadJson)) {
        parser.nextToken();
        P payload = decode(parser);
        validate(payload, new Violations());
      }
    }
    if (example.resultReader() != null && example.resultJson() != null) {
      R result;
      try (JsonParser parser = Json.FACTORY.createParser(example.resultJson())) {
        parser.nextToken();
        result = example.resultReader().read(parser);
      }
      try (JsonGenerator generator = Json.FACTORY.createGenerator(Writer.nullWriter())) {
        writeResult(result, generator);
      }
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + action + "]";
  }
}
