package dev.streamer.benchmarks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.json.Json;
import dev.streamer.core.routing.Caller;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.Router;
import dev.streamer.core.testing.InMemoryRequestQueue;
import dev.streamer.core.validation.Violations;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One request, five ways, on each payload shape, valid and invalid:
 * <ul>
 *   <li>{@code full}: the {@link Router}, frame bytes in, reply bytes out, as every request pays it;</li>
 *   <li>{@code route}: the generated route alone: decode the payload's bytes, validate, invoke, encode the result
 *       (for an invalid payload: decode and collect the violations);</li>
 *   <li>{@code databind}: Jackson databind {@code readValue} + Hibernate Validator + reflective
 *       {@code Method.invoke} + databind {@code writeValueAsBytes}, what a user would otherwise write, on the payload
 *       alone (the anchor);</li>
 *   <li>{@code databindFrame}: the same, frame bytes in and reply bytes out, the router's whole work
 *       ({@link DatabindFrames}): the anchor of {@code full} doing the same work;</li>
 *   <li>{@code tokenScan}: a bare Jackson streaming pass over the frame's bytes, strings materialised: the floor.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DispatchBenchmark {

  @Param({"small", "medium", "wide"})
  public String payload;

  @Param({"true", "false"})
  public boolean valid;

  private byte[] frame;
  private byte[] payloadBytes;
  private Router router;
  private Caller caller;
  private Route<Object, Object> route;
  private RequestContext context;

  private ObjectMapper mapper;
  private ValidatorFactory validatorFactory;
  private Validator validator;
  private Class<?> payloadType;
  private Method method;
  private BenchActions handler;
  private DatabindFrames frames;

  @Setup(Level.Trial)
  @SuppressWarnings("unchecked")
  public void setUp() throws Exception {
    frame = Payloads.frame(payload, valid);
    payloadBytes = Payloads.payload(payload, valid);
    String action = Payloads.action(payload);
    router = new Router(BenchRouteTable.create(), new InMemoryRequestQueue());
    caller = Caller.anonymous("bench-connection");
    route = (Route<Object, Object>) router.routes().find(action);
    context = RequestContext.builder("bench-request", action).build();

    mapper = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new Jdk8Module());
    validatorFactory = Validation.buildDefaultValidatorFactory();
    validator = validatorFactory.getValidator();
    payloadType = Payloads.type(payload);
    handler = new BenchActions();
    method = switch (payload) {
      case "small" -> BenchActions.class.getMethod("ping", Ping.class);
      case "medium" -> BenchActions.class.getMethod("placeOrder", Order.class);
      default -> BenchActions.class.getMethod("placeWide", WideOrder.class);
    };
    frames = new DatabindFrames(mapper, validator, handler, action, payloadType, method);
    check();
  }

  /** Every way must agree on whether the payload is valid, or the comparison means nothing. */
  private void check() throws Exception {
    String reply = new String(full(), StandardCharsets.UTF_8);
    if (reply.contains("\"type\":\"result\"") != valid) {
      throw new IllegalStateException("router: " + reply);
    }
    if ((route() instanceof byte[]) != valid || (databind() instanceof byte[]) != valid) {
      throw new IllegalStateException("route or databind disagree on validity of " + payload);
    }
    String databindReply = new String(databindFrame(), StandardCharsets.UTF_8);
    if (databindReply.contains("\"type\":\"result\"") != valid
        || databindReply.split("\"constraint\"").length != reply.split("\"constraint\"").length) {
      throw new IllegalStateException("databind frame: " + databindReply + " router: " + reply);
    }
    if (!valid && (route() instanceof Violations v) && v.list().size() != (payload.equals("small") ? 1 : 3)) {
      throw new IllegalStateException("unexpected violations " + v.list());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    validatorFactory.close();
  }

  @Benchmark
  public byte[] full() {
    return router.routeUtf8(frame, caller, null);
  }

  @Benchmark
  public Object route() throws Exception {
    Object decoded;
    try (JsonParser parser = Json.FACTORY.createParser(payloadBytes)) {
      parser.nextToken();
      decoded = route.decode(parser);
    }
    Violations violations = new Violations();
    route.validate(decoded, violations);
    if (!violations.isEmpty()) {
      return violations;
    }
    Object result = route.invoke(decoded, context, Progress.none());
    ByteArrayBuilder out = new ByteArrayBuilder();
    try (JsonGenerator generator = Json.FACTORY.createGenerator(out)) {
      route.writeResult(result, generator);
    }
    return out.toByteArray();
  }

  @Benchmark
  public Object databind() throws Exception {
    Object decoded = mapper.readValue(payloadBytes, payloadType);
    Set<ConstraintViolation<Object>> violations = validator.validate(decoded);
    if (!violations.isEmpty()) {
      return violations;
    }
    return mapper.writeValueAsBytes(method.invoke(handler, decoded));
  }

  @Benchmark
  public byte[] databindFrame() throws Exception {
    return frames.handle(frame);
  }

  @Benchmark
  public int tokenScan() throws Exception {
    int tokens = 0;
    try (JsonParser parser = Json.FACTORY.createParser(frame)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.VALUE_STRING) {
          parser.getText(); // materialise strings too: a decoder must
        }
        tokens++;
      }
    }
    return tokens;
  }
}
