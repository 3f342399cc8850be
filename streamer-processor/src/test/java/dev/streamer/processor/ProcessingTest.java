package dev.streamer.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.streamer.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.streamer.processor.diag.Message;
import dev.streamer.core.Progress;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Processor behaviour as a whole: rounds, options, factory, determinism, packaging. */
class ProcessingTest {

  @Test
  void outputIsDeterministic() {
    List<JavaFileObject> inputs = Compilations.inputs("shop");
    var first = generatedFiles(Compilations.compile(inputs, "-Astreamer.app=Shop"));
    var second = generatedFiles(Compilations.compile(inputs, "-Astreamer.app=Shop"));
    List<JavaFileObject> reversed = new ArrayList<>(inputs);
    Collections.reverse(reversed);
    var reordered = generatedFiles(Compilations.compile(reversed, "-Astreamer.app=Shop"));
    assertFalse(first.isEmpty());
    assertTrue(first.containsKey("META-INF/streamer/shop-asyncapi.json"), first.keySet()::toString);
    assertTrue(first.containsKey("META-INF/streamer/js/shop-client.js"), first.keySet()::toString);
    assertTrue(first.containsKey("META-INF/streamer/js/shop-client.d.ts"), first.keySet()::toString);
    assertEquals(first, second);
    assertEquals(first, reordered);
  }

  /** Generated sources and resources (AsyncAPI document, JavaScript client) by path. */
  private static Map<String, String> generatedFiles(Compilation compilation) {
    Map<String, String> files = new TreeMap<>(Compilations.generatedSources(compilation));
    files.putAll(Compilations.generatedResources(compilation));
    return files;
  }

  @Test
  void asyncIsStrictlyAboveTheThresholdOption() throws Exception {
    JavaFileObject api = source("t.Api", """
        package t;
        import dev.streamer.annotations.Action;
        public class Api {
          @Action(estimated = "250ms") public void equal() {}
          @Action(estimated = "251ms") public void above() {}
          @Action public void unknown() {}
        }
        """);
    Compilation c = Compilations.compile(List.of(api), "-Astreamer.app=T", "-Astreamer.asyncThreshold=250ms");
    assertThat(c).succeededWithoutWarnings();
    RouteTable table = table(c, "t.TRouteTable");
    assertFalse(table.find("equal").async());
    assertTrue(table.find("above").async());
    assertFalse(table.find("unknown").async());
    assertEquals(-1, table.find("unknown").estimatedMillis());
  }

  @Test
  void defaultThresholdIsFiveSeconds() throws Exception {
    JavaFileObject api = source("t.Api", """
        package t;
        import dev.streamer.annotations.Action;
        public class Api {
          @Action(estimated = "5s") public void five() {}
          @Action(estimated = "5s1ms") public void more() {}
        }
        """);
    Compilation c = Compilations.compile(List.of(api), "-Astreamer.app=T");
    RouteTable table = table(c, "t.TRouteTable");
    assertFalse(table.find("five").async());
    assertTrue(table.find("more").async());
    assertEquals("T", table.appName());
  }

  @Test
  void handlerFactorySuppliesInstancesWithDependencies() throws Exception {
    JavaFileObject api = source("f.Greeter", """
        package f;
        import dev.streamer.annotations.Action;
        public class Greeter {
          private final String greeting;
          public Greeter(String greeting) { this.greeting = greeting; }
          @Action public String greet() { return greeting; }
        }
        """);
    JavaFileObject plain = source("f.Plain", """
        package f;
        public class Plain {
          @dev.streamer.annotations.Action public int one() { return 1; }
        }
        """);
    JavaFileObject factory = source("f.Wiring", """
        package f;
        @dev.streamer.annotations.HandlerFactory
        public class Wiring implements FHandlers {
          @Override public Greeter greeter() { return new Greeter("hello"); }
        }
        """);
    Compilation c = Compilations.compile(List.of(api, plain, factory), "-Astreamer.app=F");
    assertThat(c).succeededWithoutWarnings();
    RouteTable table = table(c, "f.FRouteTable");
    @SuppressWarnings("unchecked")
    Route<Object, Object> greet = (Route<Object, Object>) table.find("greet");
    assertEquals("hello", greet.invoke(null, null, Progress.none()));
    assertThat(c).generatedSourceFile("f.FDefaultHandler").contentsAsUtf8String()
        .contains("FHandlers handlers = new Wiring();");
    assertThat(c).generatedSourceFile("f.FConnectHandler").contentsAsUtf8String()
        .doesNotContain("Wiring"); // $connect runs no action: the factory is not built there
    assertThat(c).generatedSourceFile("f.FHandlers").contentsAsUtf8String().contains("Greeter greeter();");
    assertThat(c).generatedSourceFile("f.FHandlers").contentsAsUtf8String()
        .contains("default Plain plain() {");
  }

  @Test
  void noCreateWithoutDefaultsWhenTheFactoryIsBroken() {
    JavaFileObject api = source("f.Needy", """
        package f;
        public class Needy {
          public Needy(String dependency) {}
          @dev.streamer.annotations.Action public void a() {}
        }
        """);
    Compilation c = Compilations.compile(List.of(api), "-Astreamer.app=F");
    assertThat(c).hadErrorContaining(Message.HANDLER_NO_CONSTRUCTOR.tag());
  }

  /** Generates a payload record in the first round: the route is generated in the second, when it resolves. */
  @Test
  void waitsForTypesThatAnotherProcessorGenerates() throws Exception {
    JavaFileObject api = source("gen.Api", """
        package gen;
        import dev.streamer.annotations.Action;
        public class Api {
          @Action public String use(Made made) { return made.value(); }
        }
        """);
    Compilation c = javac()
        .withProcessors(new GeneratesOnce("gen.Made",
            "package gen; public record Made(@dev.streamer.annotations.NotBlank String value) {}"),
            new StreamerProcessor())
        .withOptions("-Astreamer.app=Gen")
        .compile(api);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("gen.MadeJson");
    assertThat(c).generatedSourceFile("gen.MadeValidator");
    assertNotNull(table(c, "gen.GenRouteTable").find("use"));
  }

  @Test
  void actionsGeneratedAfterTheRouteTableAreAnError() {
    JavaFileObject api = source("gen.Api", """
        package gen;
        public class Api {
          @dev.streamer.annotations.Action public void first() {}
        }
        """);
    Compilation c = javac()
        .withProcessors(new GeneratesOnce("gen.Late",
            "package gen; public class Late { @dev.streamer.annotations.Action public void late() {} }"),
            new StreamerProcessor())
        .withOptions("-Astreamer.app=Gen")
        .compile(api);
    assertThat(c).hadErrorContaining(Message.LATE_ACTION.tag());
  }

  @Test
  void generatedNameTakenByAUserTypeIsReported() {
    JavaFileObject api = source("u.Api", "package u;\npublic class Api {\n  @dev.streamer.annotations.Action public void a() {}\n}\n");
    JavaFileObject taken = source("u.URouteTable", "package u;\npublic class URouteTable {}\n");
    Compilation c = Compilations.compile(List.of(api, taken), "-Astreamer.app=U");
    assertThat(c).hadErrorContaining(Message.CANNOT_WRITE.tag() + "] cannot write generated file u.URouteTable");
  }

  @Test
  void withoutActionsNothingIsGenerated() {
    JavaFileObject plain = source("n.Plain", "package n;\npublic record Plain(String s) {}\n");
    Compilation c = Compilations.compile(List.of(plain), "-Astreamer.app=N");
    assertThat(c).succeeded(); // (javac warns that no processor used the option: the processor never ran)
    assertEquals(List.of(), c.generatedSourceFiles());
    assertEquals(Map.of(), Compilations.generatedResources(c));
  }

  @Test
  void registeredAsAnAggregatingProcessor() throws IOException {
    assertEquals("dev.streamer.processor.StreamerProcessor,aggregating", resource("META-INF/gradle/incremental.annotation.processors"));
    assertEquals("dev.streamer.processor.StreamerProcessor", resource("META-INF/services/javax.annotation.processing.Processor"));
    StreamerProcessor processor = new StreamerProcessor();
    assertEquals(Set.of("streamer.app", "streamer.package", "streamer.asyncThreshold", "streamer.version",
        "streamer.asyncapi.host"), processor.getSupportedOptions());
    assertEquals(SourceVersion.latestSupported(), processor.getSupportedSourceVersion());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = StreamerProcessor.class.getClassLoader().getResourceAsStream(name)) {
      assertNotNull(in, name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  private static RouteTable table(Compilation c, String name) throws Exception {
    assertThat(c).succeeded();
    return (RouteTable) Compilations.classLoader(c).loadClass(name).getMethod("create").invoke(null);
  }

  /** A processor that writes one source file in the first round (like a code generator upstream of Streamer). */
  private static final class GeneratesOnce extends AbstractProcessor {
    private final String name;
    private final String code;
    private boolean done;

    GeneratesOnce(String name, String code) {
      this.name = name;
      this.code = code;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
          writer.write(code);
        } catch (IOException e) {
          processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, e.toString());
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }
}
