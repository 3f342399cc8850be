package dev.streamer.runtime.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonToken;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.json.JsonRead;
import dev.streamer.core.routing.ActionRoute;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteExample;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.core.routing.RouteTables;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogLevel;
import dev.streamer.runtime.aws.internal.observability.LogSink;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * SnapStart priming runs every route's decode, validate and encode on its example, never the action, with no network
 * call and no credentials read: the runtime's endpoints point at a closed port and its credentials fail the test.
 */
class PrimingTest {

  private final Set<String> touched = ConcurrentHashMap.newKeySet();
  private final AtomicInteger credentialReads = new AtomicInteger();

  @Test
  void primesEveryRouteWithoutNetworkOrCredentials() {
    AwsCredentialsProvider credentials = () -> {
      credentialReads.incrementAndGet();
      throw new IllegalStateException("credentials read during priming");
    };
    AwsRuntime runtime = AwsRuntime.builder(Map.of(
            "AWS_REGION", "eu-west-1",
            "DYNAMODB_ENDPOINT", "http://127.0.0.1:1",
            "WEBSOCKET_ENDPOINT", "http://127.0.0.1:1/prod"))
        .credentials(credentials)
        .logSink(LogSink.stdout())
        .build();
    var routes = RouteTables.of("test", new Greet(), new Ping());

    DefaultFunction message = new DefaultFunction(runtime, routes, List.of());
    StreamProcessorFunction processor = new StreamProcessorFunction(runtime, routes, List.of());
    WorkerFunction worker = new WorkerFunction(runtime, routes, List.of());
    for (Priming priming : List.of(message.priming(), processor.priming(), worker.priming())) {
      Priming.Result result = priming.prime();
      assertEquals(Map.of(), result.failed());
      assertEquals(Set.of("greet", "ping"), Set.copyOf(result.primed()), "every route of the app");
    }
    assertEquals(Set.of("greet.decode", "greet.validate", "greet.encode", "ping.decode"), touched);
    for (Priming priming : List.of(new ConnectFunction(runtime).priming(), new DisconnectFunction(runtime).priming(),
        new SweeperFunction(runtime).priming())) {
      Priming.Result result = priming.prime();
      assertEquals(Map.of(), result.failed());
      assertTrue(result.primed().isEmpty(), "no routes in a function that runs no action");
    }
    assertEquals(0, credentialReads.get(), "no credentials read, so no AWS call made");
  }

  @Test
  void aRouteTableThatFailsToBuildIsRecordedAndNeverFailsTheCheckpoint() {
    RouteTable failing = new RouteTable() {
      @Override
      public String appName() {
        return "test";
      }

      @Override
      public Route<?, ?> find(String action) {
        return null;
      }

      @Override
      public java.util.Collection<Route<?, ?>> routes() {
        throw new IllegalStateException("the request store could not be built");
      }
    };
    Priming priming = Priming.unregistered(failing,
        new JsonLog("test", LogLevel.WARN, line -> { }, Clock.systemUTC()));
    Priming.Result result = priming.prime();
    assertTrue(result.failed().get("routes").contains("the request store could not be built"), result::toString);
    assertTrue(result.primed().isEmpty());
  }

  @Test
  void registersOnlyWhereASnapshotMayBeTaken() {
    assertTrue(AwsRuntime.snapshotPossible(Map.of(Priming.INITIALIZATION_TYPE, "snap-start")));
    assertTrue(AwsRuntime.snapshotPossible(Map.of()), "not on Lambda: registering is harmless");
    assertFalse(AwsRuntime.snapshotPossible(Map.of(Priming.INITIALIZATION_TYPE, "on-demand")));
    assertFalse(AwsRuntime.snapshotPossible(Map.of(Priming.INITIALIZATION_TYPE, "provisioned-concurrency")));
  }

  /** Payload {@code {"name": string}}, result a string; counts what priming reaches. */
  private final class Greet extends ActionRoute<String, String> {
    Greet() {
      super("greet", "", -1, false, p -> {
        touched.add("greet.decode");
        String name = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          p.nextToken();
          name = p.getText();
        }
        return name;
      }, (value, path, out) -> touched.add("greet.validate"), (g, result) -> {
        touched.add("greet.encode");
        g.writeString(result);
      });
    }

    @Override
    public String invoke(String payload, RequestContext context, Progress progress) {
      throw new AssertionError("priming must not run the action");
    }

    @Override
    protected RouteExample<String> example() {
      return new RouteExample<>("{\"name\":\"\"}", "\"hello\"", JsonRead.STRING);
    }
  }

  /** No payload, void result: decode skips, encode is not needed. */
  private final class Ping extends ActionRoute<Void, Void> {
    Ping() {
      super("ping", "", -1, false, null, null, (g, result) -> touched.add("ping.encode"));
    }

    @Override
    public Void invoke(Void payload, RequestContext context, Progress progress) {
      throw new AssertionError("priming must not run the action");
    }

    @Override
    protected RouteExample<Void> example() {
      touched.add("ping.decode");
      return new RouteExample<>(null, null, null);
    }
  }
}
