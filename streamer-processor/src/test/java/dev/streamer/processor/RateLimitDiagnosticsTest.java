package dev.streamer.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.streamer.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import dev.streamer.processor.diag.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Action(rateLimit, tenantRateLimit)}: each diagnostic, its tag, and the line of the value it points at. */
class RateLimitDiagnosticsTest {

  private static JavaFileObject handler(String body) {
    return source("app.H", "package app;\nimport dev.streamer.annotations.*;\n" + body);
  }

  @Test
  void malformedLimitsPointAtTheirValue() {
    JavaFileObject h = handler("""
        public class H {
          @Action(
              name = "a",
              rateLimit = "20 per minute")
          public void a() {}
          @Action(tenantRateLimit = "20/1d") public void b() {}
          @Action(rateLimit = "/1m") public void c() {}
          @Action(rateLimit = "5/m") public void d() {}
          @Action(rateLimit = " 5/1m") public void e() {}
        }
        """);
    Compilation c = Compilations.compile(h);
    assertThat(c).hadErrorContaining(Message.INVALID_RATE_LIMIT.tag() + "] invalid rateLimit \"20 per minute\"")
        .inFile(h).onLineContaining("\"20 per minute\"");
    assertThat(c).hadErrorContaining("invalid tenantRateLimit \"20/1d\"").inFile(h).onLineContaining("\"20/1d\"");
    assertThat(c).hadErrorContaining("invalid rateLimit \"/1m\"").inFile(h).onLineContaining("\"/1m\"");
    assertThat(c).hadErrorContaining("invalid rateLimit \"5/m\"").inFile(h).onLineContaining("\"5/m\"");
    assertThat(c).hadErrorContaining("invalid rateLimit \" 5/1m\"").inFile(h).onLineContaining("\" 5/1m\"");
    assertThat(c).hadErrorCount(5);
  }

  @Test
  void limitOutOfRange() {
    JavaFileObject h = handler("""
        public class H {
          @Action(rateLimit = "0/1m") public void a() {}
          @Action(tenantRateLimit = "1000000001/1h") public void b() {}
          @Action(rateLimit = "99999999999999999999/1s") public void c() {}
        }
        """);
    Compilation c = Compilations.compile(h);
    assertThat(c).hadErrorContaining(Message.RATE_LIMIT_OUT_OF_RANGE.tag()).inFile(h).onLineContaining("\"0/1m\"");
    assertThat(c).hadErrorContaining(Message.RATE_LIMIT_OUT_OF_RANGE.tag()).inFile(h)
        .onLineContaining("\"1000000001/1h\"");
    assertThat(c).hadErrorContaining(Message.RATE_LIMIT_OUT_OF_RANGE.tag()).inFile(h)
        .onLineContaining("\"99999999999999999999/1s\"");
    assertThat(c).hadErrorCount(3);
  }

  @Test
  void windowOutOfRange() {
    JavaFileObject h = handler("""
        public class H {
          @Action(rateLimit = "5/0s") public void a() {}
          @Action(
              tenantRateLimit = "5/25h")
          public void b() {}
          @Action(rateLimit = "5/86401s") public void c() {}
        }
        """);
    Compilation c = Compilations.compile(h);
    assertThat(c).hadErrorContaining(Message.RATE_LIMIT_WINDOW_OUT_OF_RANGE.tag()).inFile(h)
        .onLineContaining("\"5/0s\"");
    assertThat(c).hadErrorContaining(Message.RATE_LIMIT_WINDOW_OUT_OF_RANGE.tag()
        + "] tenantRateLimit \"5/25h\" has a window out of range").inFile(h).onLineContaining("\"5/25h\"");
    assertThat(c).hadErrorContaining(Message.RATE_LIMIT_WINDOW_OUT_OF_RANGE.tag()).inFile(h)
        .onLineContaining("\"5/86401s\"");
    assertThat(c).hadErrorCount(3);
  }

  @Test
  void tenantLimitStricterThanUserLimitIsAWarning() {
    JavaFileObject h = handler("""
        public class H {
          @Action(rateLimit = "20/1m",
              tenantRateLimit = "10/1h")
          public void a() {}
          @Action(rateLimit = "20/1m", tenantRateLimit = "1000/1m") public void fine() {}
          @Action(rateLimit = "60/1h", tenantRateLimit = "2/1m") public void alsoFine() {}
          @Action(rateLimit = "20/1m", tenantRateLimit = "1000/1h") public void burstPerUser() {}
        }
        """);
    Compilation c = Compilations.compile(h);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(Message.TENANT_RATE_LIMIT_BELOW_USER.tag()).inFile(h)
        .onLineContaining("tenantRateLimit = \"10/1h\"");
    assertThat(c).hadWarningContaining("tenantRateLimit \"10/1h\" allows no more requests than rateLimit \"20/1m\"");
    assertThat(c).hadWarningCount(1);
  }

  @Test
  void validLimitsCompileIntoTheRoute() {
    JavaFileObject h = handler("""
        public class H {
          @Action(rateLimit = "5/90s", tenantRateLimit = "1000/1h") public void a() {}
        }
        """);
    Compilation c = Compilations.compile(h);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("app.ARoute").contentsAsUtf8String()
        .contains("RATE_LIMIT = RateLimit.of(5L, 90L)");
    assertThat(c).generatedSourceFile("app.ARoute").contentsAsUtf8String()
        .contains("TENANT_RATE_LIMIT = RateLimit.of(1000L, 3600L)");
  }
}
