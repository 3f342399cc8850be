package dev.streamer.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.streamer.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import dev.streamer.processor.diag.Message;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Diagnostics STREAMER-040 and later (issue 10): the tag, the line, and that no advice fails. */
class HardeningDiagnosticsTest {

  private static void assertError(Compilation c, Message message, JavaFileObject file, String line) {
    assertThat(c).hadErrorContaining(message.tag()).inFile(file).onLineContaining(line);
  }

  @Test
  void handlerInTheUnnamedPackageIsReportedWhateverThePackageOption() {
    JavaFileObject payload = source("DReq", "public record DReq(String text) {}\n");
    JavaFileObject handler = source("D", """
        public class D {
          @dev.streamer.annotations.Action public String echo(DReq r) { return r.text(); }
        }
        """);
    for (List<String> options : List.of(List.of("-Astreamer.app=T"), List.of("-Astreamer.app=T", "-Astreamer.package=x"))) {
      Compilation c = Compilations.compile(List.of(payload, handler), options.toArray(String[]::new));
      assertError(c, Message.DEFAULT_PACKAGE, handler, "public class D");
      assertThat(c).hadErrorContaining("handler class D is in the unnamed package");
      assertThat(c).hadErrorCount(1); // not STREAMER-030, whose advice (-Astreamer.package) cannot work here
    }
  }

  @Test
  void handlerFactoryInTheUnnamedPackage() {
    JavaFileObject handler = source("app.H", """
        package app;
        public abstract class H {
          @dev.streamer.annotations.Action public void go() {}
        }
        """);
    JavaFileObject factory = source("F", """
        @dev.streamer.annotations.HandlerFactory
        public class F implements app.TestHandlers {
          public app.H h() { return new app.H() {}; }
        }
        """);
    Compilation c = Compilations.compile(List.of(handler, factory), "-Astreamer.app=Test");
    assertError(c, Message.DEFAULT_PACKAGE, factory, "@dev.streamer.annotations.HandlerFactory");
  }

  @Test
  void genericPayloadRecordSaysTypeParametersAreTheProblem() {
    JavaFileObject page = source("app.Page", "package app;\npublic record Page<T>(java.util.List<T> items) {}\n");
    JavaFileObject handler = source("app.H", """
        package app;
        public class H {
          @dev.streamer.annotations.Action public void list(
              Page<String> page) {}
        }
        """);
    Compilation c = Compilations.compile(List.of(page, handler), "-Astreamer.app=Test");
    assertError(c, Message.GENERIC_PAYLOAD, handler, "Page<String> page");
    assertThat(c).hadErrorContaining("payload record app.Page of H.list() cannot have type parameters");
    assertThat(c).hadErrorCount(1);
  }
}
