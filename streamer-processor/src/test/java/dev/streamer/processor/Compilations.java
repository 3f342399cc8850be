package dev.streamer.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Compiles test inputs with the processor and gives access to what it generated. */
final class Compilations {

  private Compilations() {}

  /** Compiles {@code sources} with the processor; {@code options} such as {@code -Astreamer.app=Shop}. */
  static Compilation compile(List<JavaFileObject> sources, String... options) {
    List<String> all = new ArrayList<>(List.of("-Xlint:all,-processing", "--release", "17"));
    all.addAll(List.of(options));
    return javac().withProcessors(new StreamerProcessor()).withOptions(all).compile(sources);
  }

  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(sources), "-Astreamer.app=Test");
  }

  /** A source from a string, named after its public type. */
  static JavaFileObject source(String qualifiedName, String code) {
    return JavaFileObjects.forSourceString(qualifiedName, code);
  }

  /** Every {@code .java} file under the test resource folder {@code inputs/<name>}, sorted by path. */
  static List<JavaFileObject> inputs(String name) {
    Path root = resourceDir("inputs/" + name);
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted()
          .map(f -> JavaFileObjects.forSourceLines(binaryName(root, f), read(f)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Generated sources by path ({@code com/example/shop/ShopRouteTable.java}), sorted. */
  static Map<String, String> generatedSources(Compilation compilation) {
    Map<String, String> sources = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String name = file.toUri().getPath();
      sources.put(name.substring(name.indexOf("SOURCE_OUTPUT/") + "SOURCE_OUTPUT/".length()), content(file));
    }
    return sources;
  }

  /** Generated resources in CLASS_OUTPUT (not classes) by path ({@code META-INF/streamer/shop-asyncapi.json}). */
  static Map<String, String> generatedResources(Compilation compilation) {
    Map<String, String> resources = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String name = file.toUri().getPath();
      int at = name.indexOf("CLASS_OUTPUT/");
      if (at >= 0 && file.getKind() != JavaFileObject.Kind.CLASS) {
        resources.put(name.substring(at + "CLASS_OUTPUT/".length()), content(file));
      }
    }
    return resources;
  }

  /** A class loader over the compiled classes (inputs and generated), parent: the test class path. */
  static ClassLoader classLoader(Compilation compilation) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String path = file.toUri().getPath();
        String name = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(),
            path.length() - ".class".length()).replace('/', '.');
        try (InputStream in = file.openInputStream()) {
          classes.put(name, in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return new ClassLoader(Compilations.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
  }

  static String content(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path resourceDir(String name) {
    URL url = Compilations.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String binaryName(Path root, Path file) {
    String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    return relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
