package dev.streamer.benchmarks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.json.Json;
import dev.streamer.core.routing.Route;
import dev.streamer.core.validation.Violations;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Method;
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
 * Decode + validate + dispatch of one payload, three ways:
 * <ul>
 *   <li>{@code generated}: Streamer's generated route (streaming decoder, generated validator, direct call);</li>
 *   <li>{@code databind}: Jackson databind {@code readValue} + Hibernate Validator + reflective {@code Method.invoke};</li>
 *   <li>{@code tokenScan}: a bare Jackson streaming pass over the same bytes, the floor for any JSON decoder.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DispatchBenchmark {

  @Param({"small", "medium"})
  public String payload;

  private byte[] bytes;
  private Route<Object, Object> route;
  private RequestContext context;

  private ObjectMapper mapper;
  private ValidatorFactory validatorFactory;
  private Validator validator;
  private Class<?> payloadType;
  private Method method;
  private BenchActions handler;

  @Setup(Level.Trial)
  @SuppressWarnings("unchecked")
  public void setUp() throws NoSuchMethodException {
    boolean small = payload.equals("small");
    bytes = small ? Payloads.SMALL : Payloads.MEDIUM;
    String action = small ? "ping" : "place_order";
    route = (Route<Object, Object>) BenchRouteTable.create().find(action);
    context = RequestContext.builder("bench-request", action).build();

    mapper = new ObjectMapper();
    validatorFactory = Validation.buildDefaultValidatorFactory();
    validator = validatorFactory.getValidator();
    payloadType = small ? Ping.class : Order.class;
    handler = new BenchActions();
    method = small
        ? BenchActions.class.getMethod("ping", Ping.class)
        : BenchActions.class.getMethod("placeOrder", Order.class);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    validatorFactory.close();
  }

  @Benchmark
  public Object generated() throws Exception {
    Object decoded;
    try (JsonParser parser = Json.FACTORY.createParser(bytes)) {
      parser.nextToken();
      decoded = route.decode(parser);
    }
    Violations violations = new Violations();
    route.validate(decoded, violations);
    if (!violations.isEmpty()) {
      throw new IllegalStateException("unexpected violations " + violations.list());
    }
    return route.invoke(decoded, context, Progress.none());
  }

  @Benchmark
  public Object databind() throws Exception {
    Object decoded = mapper.readValue(bytes, payloadType);
    Set<ConstraintViolation<Object>> violations = validator.validate(decoded);
    if (!violations.isEmpty()) {
      throw new IllegalStateException("unexpected violations " + violations);
    }
    return method.invoke(handler, decoded);
  }

  @Benchmark
  public int tokenScan() throws Exception {
    int tokens = 0;
    try (JsonParser parser = Json.FACTORY.createParser(bytes)) {
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
