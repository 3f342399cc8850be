package dev.streamer.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.processor.diag.Message;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Builds that compile only some sources, the rest being on the class path from an earlier compilation: partial
 * recompilation of an application, and an application using records of a library built with Streamer.
 */
class IncrementalBuildTest {

  private static final Path ROOT = Path.of("target", "incremental-build-test");

  private static JavaFileObject handler(String name, String action, String payload) {
    String pkg = name.substring(0, name.lastIndexOf('.'));
    String simple = name.substring(name.lastIndexOf('.') + 1);
    return Compilations.source(name, "package " + pkg + ";\npublic class " + simple + " {\n"
        + "  @dev.streamer.annotations.Action(name = \"" + action + "\")\n"
        + "  public String go(" + payload + " p) { return \"" + action + ":\" + p.text(); }\n}\n");
  }

  private static JavaFileObject payload(String name) {
    String pkg = name.substring(0, name.lastIndexOf('.'));
    String simple = name.substring(name.lastIndexOf('.') + 1);
    return Compilations.source(name, "package " + pkg + ";\npublic record " + simple
        + "(@dev.streamer.annotations.NotBlank String text) {}\n");
  }

  /** Compiles with the processor, with {@code classPath} (earlier outputs) before the test class path. */
  private static Compilation compile(List<JavaFileObject> sources, List<Path> classPath, String... options) {
    List<File> path = new ArrayList<>();
    classPath.forEach(p -> path.add(p.toFile()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      path.add(new File(entry));
    }
    List<String> all = new ArrayList<>(List.of("-Xlint:all,-processing", "--release", "17"));
    all.addAll(List.of(options));
    return javac().withProcessors(new StreamerProcessor()).withOptions(all).withClasspath(path).compile(sources);
  }

  /** What a real javac run (as a build tool runs it) left: diagnostics and the generated sources' paths. */
  record Javac(boolean ok, List<Diagnostic<? extends JavaFileObject>> diagnostics, Set<String> generated) {

    List<Diagnostic<? extends JavaFileObject>> of(Message message) {
      return diagnostics.stream().filter(d -> d.getMessage(null).contains(message.tag())).toList();
    }
  }

  /**
   * Runs the system javac with the processor like a build tool: {@code -d out} (also first on the class path, so the
   * earlier compilation's classes are seen), {@code -s}, only the given sources (name → code).
   */
  private static Javac javacInto(Path out, Map<String, String> sources, Path... classPath) throws IOException {
    Path src = out.resolveSibling(out.getFileName() + "-src");
    Path gen = out.resolveSibling(out.getFileName() + "-gen");
    clean(src);
    clean(gen);
    Files.createDirectories(out);
    List<File> files = new ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
      files.add(file.toFile());
    }
    StringBuilder path = new StringBuilder(out.toString());
    for (Path p : classPath) {
      path.append(File.pathSeparator).append(p);
    }
    path.append(File.pathSeparator).append(System.getProperty("java.class.path"));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics, null, null)) {
      JavaCompiler.CompilationTask task = compiler.getTask(null, manager, diagnostics, List.of("-d", out.toString(),
          "-s", gen.toString(), "-cp", path.toString(), "--release", "17", "-Astreamer.app=Acme"), null,
          manager.getJavaFileObjectsFromFiles(files));
      task.setProcessors(List.of(new StreamerProcessor()));
      boolean ok = task.call();
      Set<String> generated = new TreeSet<>();
      try (var walk = Files.walk(gen)) {
        walk.filter(Files::isRegularFile).forEach(f -> generated.add(gen.relativize(f).toString().replace('\\', '/')));
      }
      return new Javac(ok, diagnostics.getDiagnostics(), generated);
    }
  }

  private static void clean(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    Files.createDirectories(dir);
  }

  private static String handlerCode(String name, String action, String payload) {
    String pkg = name.substring(0, name.lastIndexOf('.'));
    String simple = name.substring(name.lastIndexOf('.') + 1);
    return "package " + pkg + ";\npublic class " + simple + " {\n"
        + "  @dev.streamer.annotations.Action(name = \"" + action + "\")\n"
        + "  public String go(" + payload + " p) { return \"" + action + ":\" + p.text(); }\n}\n";
  }

  private static String payloadCode(String name) {
    String pkg = name.substring(0, name.lastIndexOf('.'));
    String simple = name.substring(name.lastIndexOf('.') + 1);
    return "package " + pkg + ";\npublic record " + simple + "(@dev.streamer.annotations.NotBlank String text) {}\n";
  }

  private static Map<String, String> acme() {
    Map<String, String> all = new java.util.LinkedHashMap<>();
    all.put("com.acme.orders.Orders", handlerCode("com.acme.orders.Orders", "place", "com.acme.orders.Order"));
    all.put("com.acme.orders.Order", payloadCode("com.acme.orders.Order"));
    all.put("com.acme.billing.Billing", handlerCode("com.acme.billing.Billing", "bill", "com.acme.billing.Invoice"));
    all.put("com.acme.billing.Invoice", payloadCode("com.acme.billing.Invoice"));
    return all;
  }

  /** Writes the compiled classes (inputs and generated) under {@code target/}, as javac's -d would. */
  private static Path output(Compilation compilation, String name) throws IOException {
    Path dir = ROOT.resolve(name);
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    for (JavaFileObject file : compilation.generatedFiles()) {
      String uri = file.toUri().getPath();
      int at = uri.indexOf("CLASS_OUTPUT/");
      if (at < 0 || file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      Path target = dir.resolve(uri.substring(at + "CLASS_OUTPUT/".length()));
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.write(target, in.readAllBytes());
      }
    }
    return dir;
  }

  private static Set<String> generatedNames(Compilation c) {
    return new TreeSet<>(Compilations.generatedSources(c).keySet());
  }

  private static RouteTable table(List<Path> dirs, String tableClass) throws Exception {
    List<URL> urls = new ArrayList<>();
    for (Path dir : dirs) {
      urls.add(dir.toUri().toURL());
    }
    ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), IncrementalBuildTest.class.getClassLoader());
    return (RouteTable) loader.loadClass(tableClass).getMethod("create").invoke(null);
  }

  @Test
  void recompilingOneHandlerKeepsTheOthersActions() throws Exception {
    Path out = ROOT.resolve("partial");
    clean(out);
    assertTrue(javacInto(out, acme()).ok());

    // only Orders changed (a new action); Billing, its payload and its generated classes are in the output directory
    Javac partial = javacInto(out, Map.of("com.acme.orders.Orders", """
        package com.acme.orders;
        public class Orders {
          @dev.streamer.annotations.Action(name = "place")
          public String go(Order p) { return "place:" + p.text(); }
          @dev.streamer.annotations.Action(name = "cancel_order")
          public String cancel(Order p) { return "cancel:" + p.text(); }
        }
        """));
    assertTrue(partial.ok(), partial.diagnostics().toString());
    List<Diagnostic<? extends JavaFileObject>> notes = partial.of(Message.HANDLERS_FROM_CLASS_PATH);
    assertEquals(1, notes.size(), partial.diagnostics().toString());
    assertEquals(Diagnostic.Kind.NOTE, notes.get(0).getKind());
    assertEquals(2, notes.get(0).getLineNumber()); // public class Orders
    assertTrue(notes.get(0).getMessage(null).contains("com.acme.billing.Billing"));
    assertTrue(partial.generated().contains("com/acme/AcmeRouteTable.java"), partial.generated().toString());
    assertFalse(partial.generated().contains("com/acme/billing/InvoiceJson.java"), partial.generated().toString());
    assertFalse(partial.generated().contains("com/acme/billing/InvoiceValidator.java"), partial.generated().toString());

    RouteTable table = table(List.of(out), "com.acme.AcmeRouteTable");
    assertEquals(Set.of("bill", "cancel_order", "place"), routeNames(table));
  }

  @Test
  void aHandlerThatIsGoneAsksForARebuild() throws Exception {
    Path out = ROOT.resolve("partial-gone");
    clean(out);
    assertTrue(javacInto(out, acme()).ok());
    Files.delete(out.resolve("com/acme/billing/Billing.class"));
    Javac partial = javacInto(out, Map.of("com.acme.orders.Orders",
        handlerCode("com.acme.orders.Orders", "place", "com.acme.orders.Order")));
    assertFalse(partial.ok());
    List<Diagnostic<? extends JavaFileObject>> errors = partial.of(Message.ROUTE_TABLE_INCOMPLETE);
    assertEquals(1, errors.size(), partial.diagnostics().toString());
    assertEquals(2, errors.get(0).getLineNumber()); // public class Orders
    assertTrue(errors.get(0).getMessage(null).contains("Rebuild the whole module"));
  }

  /** A library's route table, same app name, in a package enclosing the application's: not an earlier run. */
  @Test
  void aLibrarysHandlersAreNeverMergedIntoTheApplication() throws Exception {
    Path lib = ROOT.resolve("same-name-lib");
    clean(lib);
    assertTrue(javacInto(lib, Map.of("com.acme.LibApi", handlerCode("com.acme.LibApi", "lib_echo", "com.acme.Shared"),
        "com.acme.Shared", payloadCode("com.acme.Shared"))).ok());
    Path app = ROOT.resolve("same-name-app");
    clean(app);
    Javac build = javacInto(app, Map.of("com.acme.orders.Orders",
        handlerCode("com.acme.orders.Orders", "place", "com.acme.Shared")), lib);
    assertTrue(build.ok(), build.diagnostics().toString());
    assertEquals(List.of(), build.of(Message.HANDLERS_FROM_CLASS_PATH));
    assertTrue(build.generated().contains("com/acme/orders/AcmeRouteTable.java"), build.generated().toString());
    assertFalse(build.generated().contains("com/acme/SharedJson.java"), "reused from the library");
    assertEquals(Set.of("place"), routeNames(table(List.of(app, lib), "com.acme.orders.AcmeRouteTable")));
  }

  @Test
  void recordsOfALibraryBuiltWithStreamerReuseItsCodecsAndValidators() throws Exception {
    Compilation library = compile(List.of(handler("lib.LibApi", "lib_echo", "lib.Shared"), payload("lib.Shared"),
        Compilations.source("lib.Level", "package lib;\npublic enum Level { LOW, HIGH }\n"),
        Compilations.source("lib.Tagged", "package lib;\npublic record Tagged("
            + "@dev.streamer.annotations.NotNull Level level, @dev.streamer.annotations.Valid Shared shared) {}\n"),
        Compilations.source("lib.TagApi", "package lib;\npublic class TagApi {\n"
            + "  @dev.streamer.annotations.Action public Tagged libTag(Tagged t) { return t; }\n}\n")),
        List.of(), "-Astreamer.app=Lib");
    assertThat(library).succeededWithoutWarnings();
    Path lib = output(library, "library");

    JavaFileObject app = Compilations.source("app.AppApi", """
        package app;
        public class AppApi {
          @dev.streamer.annotations.Action(name = "echo")
          public String echo(lib.Shared p) { return "echo:" + p.text(); }
          @dev.streamer.annotations.Action(name = "tag")
          public lib.Tagged tag(lib.Tagged p) { return p; }
          @dev.streamer.annotations.Action(name = "own")
          public String own(Own p) { return p.text(); }
        }
        """);
    Compilation appBuild = compile(List.of(app, payload("app.Own")), List.of(lib), "-Astreamer.app=App");
    assertThat(appBuild).succeededWithoutWarnings();
    Set<String> generated = generatedNames(appBuild);
    for (String name : generated) {
      assertFalse(name.startsWith("lib/"), "generated again into the application: " + name);
    }
    assertTrue(generated.contains("app/OwnJson.java") && generated.contains("app/OwnValidator.java"),
        generated.toString());
    RouteTable table = table(List.of(output(appBuild, "library-app"), lib), "app.AppRouteTable");
    assertEquals(Set.of("echo", "own", "tag"), routeNames(table));
  }

  private static Set<String> routeNames(RouteTable table) {
    Set<String> names = new TreeSet<>();
    table.routes().forEach(r -> names.add(r.action()));
    return names;
  }

  static {
    try {
      Files.createDirectories(ROOT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
