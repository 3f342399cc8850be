package dev.streamer.benchmarks;

import dev.streamer.core.routing.Caller;
import dev.streamer.core.routing.Router;
import dev.streamer.core.testing.InMemoryRequestQueue;
import java.nio.charset.StandardCharsets;
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

/**
 * The worst frames found for validation cost, each beside a harmless frame of the same size through the full router
 * path (issue 10, case 7). {@code java -cp benchmarks.jar org.openjdk.jmh.Main HostileBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HostileBenchmark {

  /** Component under attack; the others hold a short harmless value. */
  @Param({"cubic", "sized", "alternation", "words", "backreference", "email"})
  public String field;

  @Param({"worst", "harmless"})
  public String input;

  private Router router;
  private Caller caller;
  private byte[] frame;

  @Setup(Level.Trial)
  public void setUp() {
    router = new Router(BenchRouteTable.create(), new InMemoryRequestQueue());
    caller = Caller.anonymous("bench-connection");
    String value = value(field, input.equals("worst"));
    StringBuilder payload = new StringBuilder("{");
    for (String name : new String[] {"cubic", "sized", "alternation", "words", "backreference", "email"}) {
      if (payload.length() > 1) {
        payload.append(',');
      }
      payload.append('"').append(name).append("\":\"")
          .append(name.equals(field) ? value : name.equals("email") ? "a@b.c" : "ab").append('"');
    }
    payload.append('}');
    frame = ("{\"id\":\"c-1\",\"action\":\"check_hostile\",\"payload\":" + payload + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** About 3,000 characters (the email, 40,000), the same length either way. */
  static String value(String field, boolean worst) {
    return switch (field) {
      case "cubic", "sized" -> worst ? "a".repeat(3000) : "ab".repeat(1500);
      case "alternation" -> worst ? "a".repeat(2999) + "!" : "a".repeat(2999) + "c";
      case "words" -> worst ? "a".repeat(2999) + "!" : "a ".repeat(1500);
      case "backreference" -> worst ? "a".repeat(2999) + "!" : "a".repeat(2999) + "b";
      case "email" -> {
        if (!worst) {
          yield "a@" + "b".repeat(39_990) + ".com";
        }
        StringBuilder distinct = new StringBuilder("a@");
        for (char c = '\u4e00'; distinct.length() < 40_000 - 4; c++) {
          distinct.append(c);
        }
        yield distinct.append(".com").toString();
      }
      default -> throw new IllegalArgumentException(field);
    };
  }

  @Benchmark
  public String full() {
    return router.route(frame, caller);
  }
}
