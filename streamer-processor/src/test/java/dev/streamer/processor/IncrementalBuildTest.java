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
import java.util.Set;
import java.util.TreeSet;
import javax.tools.JavaFileObject;
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
    Compilation full = compile(List.of(handler("com.acme.orders.Orders", "place", "com.acme.orders.Order"),
        payload("com.acme.orders.Order"), handler("com.acme.billing.Billing", "bill", "com.acme.billing.Invoice"),
        payload("com.acme.billing.Invoice")), List.of(), "-Astreamer.app=Acme");
    assertThat(full).succeededWithoutWarnings();
    Path first = output(full, "partial-first");

    // only Orders changed (a new action); Billing, its payload and its generated classes are on the class path
    JavaFileObject changed = Compilations.source("com.acme.orders.Orders", """
        package com.acme.orders;
        public class Orders {
          @dev.streamer.annotations.Action(name = "place")
          public String go(Order p) { return "place:" + p.text(); }
          @dev.streamer.annotations.Action(name = "cancel_order")
          public String cancel(Order p) { return "cancel:" + p.text(); }
        }
        """);
    Compilation partial = compile(List.of(changed), List.of(first), "-Astreamer.app=Acme");
    assertThat(partial).succeeded();
    assertThat(partial).hadNoteContaining(Message.HANDLERS_FROM_CLASS_PATH.tag()).inFile(changed)
        .onLineContaining("public class Orders");
    assertThat(partial).hadNoteContaining("com.acme.billing.Billing");
    Set<String> generated = generatedNames(partial);
    assertTrue(generated.contains("com/acme/AcmeRouteTable.java"), generated.toString()); // same package as before
    assertFalse(generated.contains("com/acme/billing/InvoiceJson.java"), generated.toString()); // reused
    assertFalse(generated.contains("com/acme/billing/InvoiceValidator.java"), generated.toString());
    Path second = output(partial, "partial-second");

    RouteTable table = table(List.of(second, first), "com.acme.AcmeRouteTable");
    assertEquals(Set.of("bill", "cancel_order", "place"), routeNames(table));
    assertNotNull(table.find("bill"));
  }

  @Test
  void aHandlerThatCannotBeReadAnyMoreAsksForARebuild() throws Exception {
    Compilation full = compile(List.of(handler("com.acme.orders.Orders", "place", "com.acme.orders.Order"),
        payload("com.acme.orders.Order"), handler("com.acme.billing.Billing", "bill", "com.acme.billing.Invoice"),
        payload("com.acme.billing.Invoice")), List.of(), "-Astreamer.app=Acme");
    Path first = output(full, "partial-gone");
    Files.delete(first.resolve("com/acme/billing/Billing.class"));
    JavaFileObject orders = handler("com.acme.orders.Orders", "place", "com.acme.orders.Order");
    Compilation partial = compile(List.of(orders), List.of(first), "-Astreamer.app=Acme");
    assertThat(partial).hadErrorContaining(Message.ROUTE_TABLE_INCOMPLETE.tag()).inFile(orders)
        .onLineContaining("public class Orders");
    assertThat(partial).hadErrorContaining("Rebuild the whole module");
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
