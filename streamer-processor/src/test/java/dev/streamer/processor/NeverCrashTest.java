package dev.streamer.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.streamer.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import dev.streamer.processor.diag.Message;
import dev.streamer.core.json.JsonRead;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.core.validation.Violations;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Exotic and broken inputs produce diagnostics, never an exception out of the processor (compile-testing rethrows
 * one) and never an internal-error diagnostic.
 */
class NeverCrashTest {

  private static final String HEADER = """
      package x;
      import dev.streamer.annotations.*;
      import dev.streamer.runtime.*;
      import java.util.*;
      """;

  @ParameterizedTest
  @ValueSource(strings = {
      // unresolved types everywhere
      "public record P(Missing m) {}\npublic class H { @Action public void a(P p) {} }",
      "public record P(List<Missing> m, Map<String, Missing> n) {}\npublic class H { @Action public void a(P p) {} }",
      "public class H { @Action public Missing a() { return null; } }",
      "public class H { @Action public List<Missing> a() { return null; } }",
      "public class H extends Missing { @Action public void a() {} }",
      "public class H implements Missing { @Action public void a(Progress p, RequestContext c) {} }",
      "public record P(int n) implements Missing { @QueueWhen public Missing big() { return null; } }\n"
          + "public class H { @Action public void a(P p) {} }",
      "public class H { @Action(estimated = MISSING) public void a() {} }",
      "public class H { @Action(name = 42) public void a() {} }",
      "public record P(@Size(min = MISSING) String s) {}\npublic class H { @Action public void a(P p) {} }",
      "public record P(@Missing String s, @Pattern(regexp = Missing.REGEX) String t) {}\n"
          + "public class H { @Action public void a(P p) {} }",
      // generics
      "public class H<T> { @Action public void a(T t) {} @Action public List<T> b() { return null; } }",
      "public record Box<T>(T value) {}\npublic class H { @Action public void a(Box<String> b) {} }",
      "public record Box<T>(T value) {}\npublic record P(Box<String> b, List<? extends Number> n) {}\n"
          + "public class H { @Action public void a(P p) {} }",
      "public class H { @Action public <T extends Comparable<T>> T a() { return null; } }",
      // odd shapes
      "public class H { @Action public void a(Progress... many) {} }",
      "public class H { @Action public void a(int n, String s, Object o) {} }",
      "public enum H { ONE; @Action public void a() {} }",
      "public record H(String s) { @Action public String a() { return s; } }",
      "public @interface H { }\n@HandlerFactory public interface F {}\npublic class G { @Action public void a() {} }",
      "@HandlerFactory public enum F { ONE }\npublic class G { @Action public void a() {} }",
      "public record P(P self, List<P> children, Map<String, P> byName, Optional<P> next, P[] array) {}\n"
          + "public class H { @Action public void a(P p) {} }",
      "public record P(@Valid @NotNull @Size(max = 1) Optional<P> next, @Valid P[][] grid) {}\n"
          + "public class H { @Action public P a(P p) { return p; } }",
  })
  void brokenOrExoticInputsGiveDiagnosticsOnly(String body) {
    Compilation c = Compilations.compile(List.of(source("x.H", HEADER + body)), "-Astreamer.app=X");
    for (Diagnostic<? extends javax.tools.JavaFileObject> d : c.diagnostics()) {
      assertFalse(d.getMessage(null).contains(Message.INTERNAL_ERROR.tag()), d.getMessage(null));
    }
  }

  @Test
  void componentNamesThatCouldClashWithGeneratedLocals() throws Exception {
    JavaFileObject weird = source("x.Weird", """
        package x;
        import dev.streamer.annotations.*;
        import java.util.List;
        public record Weird(
            @NotBlank String p, @NotBlank String field, int hasP, String READER, String WRITER,
            @Pattern(regexp = "a+") String value, @Pattern(regexp = "b+") String path, @NotNull String out,
            @Valid List<Weird> i, @Valid List<Weird> item, @Pattern(regexp = "c+") String clock, String e,
            String g, String v, List<List<String>> p1) {}
        """);
    JavaFileObject api = source("x.Api", """
        package x;
        public class Api {
          @dev.streamer.annotations.Action public Weird weird(Weird w) { return w; }
        }
        """);
    Compilation c = Compilations.compile(List.of(weird, api), "-Astreamer.app=X");
    assertThat(c).succeededWithoutWarnings();
    RouteTable table = (RouteTable) Compilations.classLoader(c).loadClass("x.XRouteTable").getMethod("create")
        .invoke(null);
    @SuppressWarnings("unchecked")
    Route<Object, Object> route = (Route<Object, Object>) table.find("weird");
    Object payload;
    try (var parser = JsonRead.parser("{\"p\":\" \",\"hasP\":1,\"value\":\"b\",\"item\":[{\"hasP\":2}]}")) {
      parser.nextToken();
      payload = route.decode(parser);
    }
    Violations out = new Violations();
    route.validate(payload, out);
    assertEquals(List.of("p NotBlank", "field NotBlank", "value Pattern", "out NotNull", "item[0].p NotBlank",
            "item[0].field NotBlank", "item[0].out NotNull"),
        out.list().stream().map(v -> v.path() + " " + v.constraint()).toList());
  }
}
