package dev.streamer.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.streamer.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.streamer.processor.diag.Message;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * {@code @Action(isolated = true)}: isolation does not make an action asynchronous, so an isolated action that would
 * run synchronously is an error; a payload that decides per request is a warning; each points at the line of
 * {@code isolated = true}. The worker handler and its manifest entry exist only when an action is isolated.
 */
class IsolatedDiagnosticsTest {

  private static JavaFileObject handler(String body) {
    return source("app.H", "package app;\nimport dev.streamer.annotations.*;\n" + body);
  }

  @Test
  void anIsolatedActionThatRunsSynchronouslyIsAnError() {
    JavaFileObject h = handler("""
        public class H {
          @Action(estimated = "2s",
              isolated = true /* short */)
          public void shortOne() {}
          @Action(
              isolated = true /* none */)
          public void noEstimate() {}
          @Action(estimated = "5s", isolated = false) public void plain() {}
        }
        """);
    Compilation c = Compilations.compile(h);
    assertThat(c).hadErrorContaining(Message.ISOLATED_NOT_ASYNC.tag() + "] H.shortOne() is isolated but runs"
        + " synchronously: its estimate \"2s\" is not over the async threshold (5000 ms)").inFile(h)
        .onLineContaining("isolated = true /* short */)");
    assertThat(c).hadErrorContaining("does not make an action asynchronous");
    assertThat(c).hadErrorContaining(Message.ISOLATED_WITHOUT_ESTIMATE.tag() + "] H.noEstimate() is isolated but"
        + " has no estimate").inFile(h).onLineContaining("isolated = true /* none */)");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void theEstimateOnTheThresholdIsStillSynchronous() {
    JavaFileObject h = handler("""
        public class H {
          @Action(estimated = "5s", isolated = true) public void atThreshold() {}
        }
        """);
    Compilation c = Compilations.compile(h);
    assertThat(c).hadErrorContaining(Message.ISOLATED_NOT_ASYNC.tag()).inFile(h).onLineContaining("atThreshold");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aPayloadThatDecidesPerRequestIsAWarning() {
    JavaFileObject h = handler("""
        public class H {
          public record Job(int rows) {
            @QueueWhen public boolean big() { return rows > 1000; }
          }
          @Action(estimated = "10m",
              isolated = true)
          public int export(Job job) { return job.rows(); }
        }
        """);
    Compilation c = Compilations.compile(h);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(Message.ISOLATED_QUEUE_WHEN.tag() + "] H.export() is isolated, but its"
        + " payload decides per request (Job.big())").inFile(h).onLineContaining("isolated = true)");
    assertThat(c).hadWarningCount(1);
  }

  @Test
  void anIsolatedActionIsMarkedInItsRouteAndTheManifest() throws Exception {
    JavaFileObject h = handler("""
        public class H {
          @Action(estimated = "10m", isolated = true) public int export() { return 1; }
          @Action(estimated = "10m") public int report() { return 1; }
        }
        """);
    Compilation c = Compilations.compile(h);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("app.ExportRoute").contentsAsUtf8String()
        .contains("public boolean isolated() {\n    return true;");
    String reportRoute = c.generatedSourceFile("app.ReportRoute").orElseThrow().getCharContent(true).toString();
    assertFalse(reportRoute.contains("isolated()"), reportRoute);
    String manifest = c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/streamer/test-manifest.json")
        .orElseThrow().getCharContent(true).toString();
    assertTrue(manifest.contains("\"name\": \"export\"") && manifest.contains("\"isolated\": true"), manifest);
    assertTrue(manifest.contains("\"WORKER\": \"app.TestWorkerHandler\""), manifest);
    assertThat(c).generatedSourceFile("app.TestWorkerHandler").contentsAsUtf8String()
        .contains("new WorkerFunction(runtime, TestRouteTable.create(handlers), handlers.interceptors())");
  }

  @Test
  void withoutAnIsolatedActionThereIsNoWorker() throws Exception {
    Compilation c = Compilations.compile(handler("""
        public class H {
          @Action(estimated = "10m") public int report() { return 1; }
        }
        """));
    assertThat(c).succeededWithoutWarnings();
    assertTrue(c.generatedSourceFile("app.TestSweeper").isPresent(), "the Lambda handlers are generated");
    assertFalse(c.generatedSourceFile("app.TestWorkerHandler").isPresent());
    String manifest = c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/streamer/test-manifest.json")
        .orElseThrow().getCharContent(true).toString();
    assertFalse(manifest.contains("WORKER"), manifest);
  }
}
