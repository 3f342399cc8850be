package dev.streamer.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.streamer.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.streamer.processor.diag.Message;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per diagnostic: the error, its stable tag, and the line it points to (the annotation value's line when
 * there is one).
 */
class DiagnosticsTest {

  private static final String IMPORTS = """
      import dev.streamer.annotations.*;
      import dev.streamer.core.Progress;
      import dev.streamer.core.RequestContext;
      import java.util.*;
      """;

  /** A class {@code app.<name>} with the usual imports. */
  private static JavaFileObject type(String name, String body) {
    return source("app." + name, "package app;\n" + IMPORTS + body);
  }

  private static final JavaFileObject PAYLOAD = type("Payload", "public record Payload(String text) {}\n");

  private static Compilation compile(JavaFileObject... sources) {
    return Compilations.compile(sources);
  }

  private static void assertError(Compilation c, Message message, JavaFileObject file, String line) {
    assertThat(c).hadErrorContaining(message.tag()).inFile(file).onLineContaining(line);
  }

  @Test
  void duplicateActionNameInOneClass() {
    JavaFileObject h = type("H", """
        public class H {
          @Action(name = "go") public void first() {}
          @Action(name = "go") public void second() {}
        }
        """);
    Compilation c = compile(h);
    assertError(c, Message.DUPLICATE_ACTION, h, "void first()");
    assertError(c, Message.DUPLICATE_ACTION, h, "void second()");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void duplicateActionNameAcrossClasses() {
    JavaFileObject a = type("A", "public class A {\n  @Action public void echo() {}\n}\n");
    JavaFileObject b = type("B", "public class B {\n  @Action(description = \"again\")\n  public void echo() {}\n}\n");
    Compilation c = compile(a, b);
    assertError(c, Message.DUPLICATE_ACTION, a, "public void echo()");
    assertError(c, Message.DUPLICATE_ACTION, b, "@Action(description");
    assertThat(c).hadErrorContaining("also declared by app.B.echo()");
    assertThat(c).hadErrorContaining("also declared by app.A.echo()");
  }

  @Test
  void invalidEstimatedPointsAtTheValue() {
    JavaFileObject h = type("H", """
        public class H {
          @Action(
              name = "slow",
              estimated = "5 seconds")
          public void slow() {}
          @Action(estimated = "30s1m") public void unordered() {}
          @Action(estimated = "0ms") public void zero() {}
        }
        """);
    Compilation c = compile(h);
    assertError(c, Message.INVALID_ESTIMATED, h, "estimated = \"5 seconds\"");
    assertError(c, Message.INVALID_ESTIMATED, h, "\"30s1m\"");
    assertError(c, Message.INVALID_ESTIMATED, h, "\"0ms\"");
    assertThat(c).hadErrorCount(3);
  }

  @Test
  void estimateOverTheLambdaLimitIsAWarning() {
    JavaFileObject h = type("H", "public class H {\n  @Action(estimated = \"16m\") public void longJob() {}\n}\n");
    Compilation c = compile(h);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(Message.ESTIMATED_OVER_LAMBDA_LIMIT.tag()).inFile(h)
        .onLineContaining("\"16m\"");
  }

  @Test
  void invalidActionName() {
    JavaFileObject h = type("H", "public class H {\n  @Action(name = \"Bad-Name\") public void bad() {}\n}\n");
    assertError(compile(h), Message.INVALID_ACTION_NAME, h, "Bad-Name");
  }

  @Test
  void reservedActionNames() {
    JavaFileObject h = type("H", """
        public class H {
          @Action(name = "status") public void state() {}
          @Action()
          public void cancel() {}
        }
        """);
    Compilation c = compile(h);
    assertError(c, Message.RESERVED_ACTION_NAME, h, "name = \"status\"");
    assertError(c, Message.RESERVED_ACTION_NAME, h, "@Action()");
  }

  @Test
  void unsupportedParameterType() {
    JavaFileObject h = type("H", "public class H {\n  @Action public void a(\n      String text) {}\n}\n");
    Compilation c = compile(h);
    assertError(c, Message.UNSUPPORTED_PARAMETER, h, "String text");
    assertThat(c).hadErrorContaining("unsupported parameter type java.lang.String");
  }

  @Test
  void unsupportedPayloadComponentTypeIsReportedOnTheComponent() {
    JavaFileObject payload = type("Upload", """
        public record Upload(
            String name,
            java.io.File file) {}
        """);
    JavaFileObject h = type("H", "public class H {\n  @Action public void upload(Upload upload) {}\n}\n");
    Compilation c = compile(payload, h);
    assertError(c, Message.UNSUPPORTED_TYPE, payload, "java.io.File file");
    assertThat(c).hadErrorContaining("unsupported type java.io.File of record component Upload.file; supported:");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void unsupportedTypesInsideContainers() {
    JavaFileObject payload = type("Bad", """
        public record Bad(
            Map<Integer, String> byNumber,
            List<List<Thread>> threads,
            List<String>[] arrays,
            Gen<String> generic) {
          public record Gen<T>(T value) {}
        }
        """);
    JavaFileObject h = type("H", "public class H {\n  @Action public void bad(Bad bad) {}\n}\n");
    Compilation c = compile(payload, h);
    assertError(c, Message.UNSUPPORTED_TYPE, payload, "Map<Integer, String> byNumber");
    assertError(c, Message.UNSUPPORTED_TYPE, payload, "List<List<Thread>> threads");
    assertError(c, Message.UNSUPPORTED_TYPE, payload, "List<String>[] arrays");
    assertError(c, Message.UNSUPPORTED_TYPE, payload, "Gen<String> generic");
  }

  @Test
  void twoPayloadParameters() {
    JavaFileObject h = type("H", "public class H {\n  @Action public void a(Payload one,\n      Payload two) {}\n}\n");
    assertError(compile(PAYLOAD, h), Message.DUPLICATE_PAYLOAD, h, "Payload two");
  }

  @Test
  void twoProgressOrTwoContextParameters() {
    JavaFileObject h = type("H", """
        public class H {
          @Action public void a(Progress first,
              Progress second) {}
          @Action public void b(RequestContext first,
              RequestContext second) {}
        }
        """);
    Compilation c = compile(h);
    assertError(c, Message.DUPLICATE_SPECIAL_PARAMETER, h, "Progress second");
    assertError(c, Message.DUPLICATE_SPECIAL_PARAMETER, h, "RequestContext second");
  }

  @Test
  void privateStaticAbstractAndGenericMethods() {
    JavaFileObject h = type("H", """
        public abstract class H {
          @Action private void hidden() {}
          @Action public static void shared() {}
          @Action public abstract void unfinished();
          @Action public <T> void generic() {}
          @Action void packagePrivate() {}
        }
        """);
    JavaFileObject factory = type("Factory", """
        @HandlerFactory
        public class Factory implements TestHandlers {
          public H h() { return null; }
        }
        """);
    Compilation c = compile(h, factory);
    assertError(c, Message.ACTION_NOT_PUBLIC, h, "void hidden()");
    assertError(c, Message.ACTION_STATIC, h, "void shared()");
    assertError(c, Message.ACTION_ABSTRACT, h, "void unfinished()");
    assertError(c, Message.ACTION_GENERIC, h, "void generic()");
    assertError(c, Message.ACTION_NOT_PUBLIC, h, "void packagePrivate()");
  }

  @Test
  void unsupportedReturnType() {
    JavaFileObject h = type("H", "public class H<T> {\n  @Action public T get() { return null; }\n}\n");
    Compilation c = compile(h);
    assertError(c, Message.UNSUPPORTED_RETURN, h, "public T get()");
    assertError(c, Message.HANDLER_GENERIC, h, "public class H<T>");
  }

  @Test
  void handlerClassNotPublic() {
    JavaFileObject h = type("H", "class H {\n  @Action public void a() {}\n}\n");
    Compilation c = compile(h);
    assertError(c, Message.HANDLER_NOT_PUBLIC, h, "class H {");
    assertThat(c).hadErrorContaining("(it declares @Action method H.a())");
  }

  @Test
  void handlerClassInner() {
    JavaFileObject h = type("Outer", """
        public class Outer {
          public class Inner {
            @Action public void a() {}
          }
        }
        """);
    assertError(compile(h), Message.HANDLER_INNER, h, "public class Inner");
  }

  @Test
  void handlerClassAbstractWithoutFactory() {
    JavaFileObject h = type("H", "public abstract class H {\n  @Action public void a() {}\n}\n");
    assertError(compile(h), Message.HANDLER_ABSTRACT, h, "public abstract class H");
  }

  @Test
  void handlerClassWithoutUsableConstructor() {
    JavaFileObject h = type("H", """
        public class H {
          public H(String dependency) {}
          @Action public void a() {}
        }
        """);
    Compilation c = compile(h);
    assertError(c, Message.HANDLER_NO_CONSTRUCTOR, h, "public class H");
    assertThat(c).hadErrorContaining("@HandlerFactory class implementing app.TestHandlers");
  }

  @Test
  void handlerClassWithoutConstructorIsFineWithAFactory() {
    JavaFileObject h = type("H", """
        public class H {
          private final String dependency;
          public H(String dependency) { this.dependency = dependency; }
          @Action public String a() { return dependency; }
        }
        """);
    JavaFileObject factory = type("Factory", """
        @HandlerFactory
        public class Factory implements TestHandlers {
          @Override public H h() { return new H("wired"); }
        }
        """);
    assertThat(compile(h, factory)).succeededWithoutWarnings();
  }

  @Test
  void actionOnAnInterface() {
    // (javac does not show annotation processors the members of local classes: those cannot be reported)
    JavaFileObject itf = type("Api", "public interface Api {\n  @Action default void a() {}\n}\n");
    assertError(compile(itf), Message.HANDLER_NOT_CLASS, itf, "public interface Api");
  }

  @Test
  void constraintsOnTheWrongType() {
    JavaFileObject payload = type("Wrong", """
        public record Wrong(
            @NotBlank int count,
            @Min(1) String text,
            @Size(max = 3) Integer boxed,
            @Past String when,
            @Valid String notARecord,
            @NotNull long primitive) {}
        """);
    JavaFileObject h = type("H", "public class H {\n  @Action public void a(Wrong wrong) {}\n}\n");
    Compilation c = compile(payload, h);
    assertError(c, Message.CONSTRAINT_WRONG_TYPE, payload, "@NotBlank int count");
    assertError(c, Message.CONSTRAINT_WRONG_TYPE, payload, "@Min(1) String text");
    assertError(c, Message.CONSTRAINT_WRONG_TYPE, payload, "@Size(max = 3) Integer boxed");
    assertError(c, Message.CONSTRAINT_WRONG_TYPE, payload, "@Past String when");
    assertError(c, Message.CONSTRAINT_WRONG_TYPE, payload, "@Valid String notARecord");
    assertError(c, Message.CONSTRAINT_WRONG_TYPE, payload, "@NotNull long primitive");
    assertThat(c).hadErrorContaining("@NotBlank cannot be applied to int (component Wrong.count): it applies to String");
    assertThat(c).hadErrorCount(6);
  }

  @Test
  void invalidPatternIsReportedOnTheComponent() {
    JavaFileObject payload = type("P", """
        public record P(
            @Pattern(regexp = "[a-", message = "letters") String code) {}
        """);
    JavaFileObject h = type("H", "public class H {\n  @Action public void a(P p) {}\n}\n");
    Compilation c = compile(payload, h);
    assertError(c, Message.INVALID_PATTERN, payload, "regexp = \"[a-\"");
    assertThat(c).hadErrorContaining("Illegal character range near index 3 of \"[a-\"");
  }

  @Test
  void sizeThatCanNeverBeSatisfiedIsAnError() {
    JavaFileObject payload = type("P", """
        public record P(
            String ok,
            @Size(min = 5, max = 2) String code) {}
        """);
    JavaFileObject h = type("H", "public class H {\n  @Action public void a(P p) {}\n}\n");
    Compilation c = compile(payload, h);
    assertError(c, Message.INVALID_SIZE, payload, "@Size(min = 5, max = 2) String code");
    assertThat(c).hadErrorContaining("min = 5, max = 2");
  }

  @Test
  void jakartaSizeWithNegativeMinPointsAtTheMinValue() {
    JavaFileObject payload = type("P", """
        public record P(
            @jakarta.validation.constraints.Size(
                min = -1)
            java.util.List<String> tags) {}
        """);
    JavaFileObject h = type("H", "public class H {\n  @Action public void a(P p) {}\n}\n");
    assertError(compile(payload, h), Message.INVALID_SIZE, payload, "min = -1)");
  }

  @Test
  void invalidJakartaPatternPointsAtTheRegexpValue() {
    JavaFileObject payload = type("P", """
        public record P(
            @jakarta.validation.constraints.Pattern(
                regexp = "(unclosed",
                message = "letters")
            String code) {}
        """);
    JavaFileObject h = type("H", "public class H {\n  @Action public void a(P p) {}\n}\n");
    assertError(compile(payload, h), Message.INVALID_PATTERN, payload, "regexp = \"(unclosed\"");
  }

  @Test
  void unsupportedJakartaConstraint() {
    JavaFileObject payload = type("P", """
        public record P(
            @jakarta.validation.constraints.DecimalMin("1.5") java.math.BigDecimal amount) {}
        """);
    JavaFileObject h = type("H", "public class H {\n  @Action public void a(P p) {}\n}\n");
    Compilation c = compile(payload, h);
    assertError(c, Message.UNSUPPORTED_CONSTRAINT, payload, "DecimalMin");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void constraintOnAMapKey() {
    JavaFileObject payload = type("P", """
        public record P(
            Map<@jakarta.validation.constraints.NotBlank String, @NotNull Integer> counts,
            List<@NotBlank String> names) {}
        """);
    JavaFileObject h = type("H", "public class H {\n  @Action public void a(P p) {}\n}\n");
    Compilation c = compile(payload, h);
    assertError(c, Message.CONTAINER_CONSTRAINT, payload, "counts");
    assertThat(c).hadErrorCount(1); // constraints on values and elements are supported
  }

  @Test
  void constraintOnAValueOfTheWrongType() {
    JavaFileObject payload = type("P", """
        public record P(
            List<@NotBlank Integer> counts,
            Optional<@Valid String> name) {}
        """);
    JavaFileObject h = type("H", "public class H {\n  @Action public void a(P p) {}\n}\n");
    Compilation c = compile(payload, h);
    assertError(c, Message.CONSTRAINT_WRONG_TYPE, payload, "counts");
    assertError(c, Message.CONSTRAINT_WRONG_TYPE, payload, "Optional<@Valid String> name");
    assertThat(c).hadErrorContaining("@NotBlank cannot be applied to Integer (component values of P.counts)");
  }

  @Test
  void queueWhenMisuse() {
    JavaFileObject invalid = type("P1", """
        public record P1(int n) {
          @QueueWhen public int big() { return n; }
        }
        """);
    JavaFileObject twice = type("P2", """
        public record P2(int n) {
          @QueueWhen public boolean big() { return n > 10; }
          @QueueWhen public boolean huge() { return n > 100; }
        }
        """);
    JavaFileObject notRecord = type("NotRecord", """
        public class NotRecord {
          @QueueWhen public boolean big() { return true; }
        }
        """);
    JavaFileObject h = type("H", "public class H {\n  @Action public void a(P1 p) {}\n  @Action public void b(P2 p) {}\n}\n");
    Compilation c = compile(invalid, twice, notRecord, h);
    assertError(c, Message.QUEUE_WHEN_INVALID, invalid, "public int big()");
    assertError(c, Message.QUEUE_WHEN_DUPLICATE, twice, "boolean big()");
    assertError(c, Message.QUEUE_WHEN_DUPLICATE, twice, "boolean huge()");
    assertError(c, Message.QUEUE_WHEN_NOT_IN_RECORD, notRecord, "public boolean big()");
  }

  @Test
  void moreThanOneHandlerFactory() {
    JavaFileObject h = type("H", "public class H {\n  @Action public void a() {}\n}\n");
    JavaFileObject f1 = type("F1", "@HandlerFactory\npublic class F1 implements TestHandlers {}\n");
    JavaFileObject f2 = type("F2", "@HandlerFactory\npublic class F2 implements TestHandlers {}\n");
    Compilation c = compile(h, f1, f2);
    assertError(c, Message.HANDLER_FACTORY_DUPLICATE, f1, "@HandlerFactory");
    assertError(c, Message.HANDLER_FACTORY_DUPLICATE, f2, "@HandlerFactory");
  }

  @Test
  void handlerFactoryNotImplementingHandlers() {
    JavaFileObject h = type("H", "public class H {\n  @Action public void a() {}\n}\n");
    JavaFileObject f = type("F", "@HandlerFactory\npublic class F {}\n");
    Compilation c = compile(h, f);
    assertError(c, Message.HANDLER_FACTORY_NOT_HANDLERS, f, "@HandlerFactory");
    assertThat(c).hadErrorContaining("must implement the generated interface app.TestHandlers");
  }

  @Test
  void handlerFactoryWithoutPublicConstructor() {
    JavaFileObject h = type("H", "public class H {\n  @Action public void a() {}\n}\n");
    JavaFileObject f = type("F", "@HandlerFactory\npublic class F implements TestHandlers {\n  private F() {}\n}\n");
    assertError(compile(h, f), Message.HANDLER_FACTORY_INVALID, f, "@HandlerFactory");
  }

  @Test
  void handlersWithNoCommonPackageNeedTheOption() {
    JavaFileObject a = source("alpha.A", "package alpha;\npublic class A {\n  @dev.streamer.annotations.Action public void a() {}\n}\n");
    JavaFileObject b = source("beta.B", "package beta;\npublic class B {\n  @dev.streamer.annotations.Action public void b() {}\n}\n");
    Compilation c = Compilations.compile(List.of(a, b), "-Astreamer.app=Test");
    assertError(c, Message.PACKAGE_REQUIRED, a, "public class A");
    assertThat(c).hadErrorContaining("-Astreamer.package=");

    Compilation withOption = Compilations.compile(List.of(a, b), "-Astreamer.app=Test", "-Astreamer.package=gamma");
    assertThat(withOption).succeededWithoutWarnings();
    assertThat(withOption).generatedSourceFile("gamma.TestRouteTable");
  }

  @Test
  void longestCommonPackageIsTheDefault() {
    JavaFileObject a = source("com.acme.orders.A", "package com.acme.orders;\npublic class A {\n  @dev.streamer.annotations.Action public void a() {}\n}\n");
    JavaFileObject b = source("com.acme.billing.B", "package com.acme.billing;\npublic class B {\n  @dev.streamer.annotations.Action public void b() {}\n}\n");
    Compilation c = Compilations.compile(List.of(a, b), "-Astreamer.app=Acme");
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("com.acme.AcmeRouteTable");
  }

  @Test
  void invalidOptions() {
    JavaFileObject h = type("H", "public class H {\n  @Action public void a() {}\n}\n");
    Compilation c = Compilations.compile(List.of(h), "-Astreamer.app=my-app", "-Astreamer.asyncThreshold=fast",
        "-Astreamer.package=not a package");
    assertThat(c).hadErrorContaining(Message.INVALID_OPTION.tag() + "] invalid value \"my-app\" of processor option streamer.app");
    assertThat(c).hadErrorContaining("invalid value \"fast\" of processor option streamer.asyncThreshold");
    assertThat(c).hadErrorContaining("invalid value \"not a package\" of processor option streamer.package");
  }

  @Test
  void unresolvedPayloadType() {
    JavaFileObject h = type("H", "public class H {\n  @Action public void a(\n      Missing missing) {}\n}\n");
    Compilation c = compile(h);
    assertError(c, Message.UNRESOLVED_TYPE, h, "Missing missing");
  }

  @Test
  void payloadRecordNotAccessible() {
    JavaFileObject h = type("H", """
        public class H {
          private record Secret(String s) {}
          @Action public void a(
              Secret secret) {}
        }
        """);
    assertError(compile(h), Message.NOT_ACCESSIBLE, h, "Secret secret");
  }

  @Test
  void payloadFromAnotherPackageMustBePublic() {
    JavaFileObject payload = source("app.model.Hidden", "package app.model;\nrecord Hidden(String s) {}\n");
    JavaFileObject helper = source("app.model.Api", """
        package app.model;
        public class Api {
          @dev.streamer.annotations.Action public void a(
              Hidden hidden) {}
        }
        """);
    JavaFileObject other = source("app.other.B", "package app.other;\npublic class B {\n  @dev.streamer.annotations.Action public void b() {}\n}\n");
    Compilation c = Compilations.compile(List.of(payload, helper, other), "-Astreamer.app=Test");
    assertError(c, Message.NOT_ACCESSIBLE, helper, "Hidden hidden");
    assertThat(c).hadErrorContaining("app.model.Hidden is not accessible from generated code in package app");
  }

  @Test
  void actionsGeneratingTheSameRouteClass() {
    JavaFileObject h = type("H", """
        public class H {
          @Action(name = "a_b1") public void one() {}
          @Action(name = "a_b_1") public void two() {}
        }
        """);
    Compilation c = compile(h);
    assertError(c, Message.GENERATED_NAME_CLASH, h, "a_b_1");
    assertThat(c).hadErrorContaining("would both generate class app.AB1Route");
  }

  @Test
  void everyTagIsDocumented() throws java.io.IOException {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    for (Message message : Message.values()) {
      org.junit.jupiter.api.Assertions.assertTrue(readme.contains("`" + message.tag() + "`"),
          message.tag() + " is not in streamer-processor/README.md");
    }
  }

  @Test
  void tagsAreUniqueAndStable() {
    assertEquals("STREAMER-001 DUPLICATE_ACTION", Message.DUPLICATE_ACTION.tag());
    assertEquals(Message.values().length,
        java.util.Arrays.stream(Message.values()).map(m -> m.tag().substring(0, 12)).distinct().count());
    assertEquals(Diagnostic.Kind.WARNING, Message.ESTIMATED_OVER_LAMBDA_LIMIT.kind());
  }
}
