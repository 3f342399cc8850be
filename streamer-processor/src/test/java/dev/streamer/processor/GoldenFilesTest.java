package dev.streamer.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Compares every source and resource (AsyncAPI document, JavaScript client and typings) generated for the
 * representative input {@code inputs/shop} with the golden files in {@code src/test/resources/golden/shop}.
 *
 * <p>To regenerate them after an intended change of the output, run
 * {@code mvn -o -pl streamer-processor verify -Dstreamer.updateGolden=true} (from the repository root) and review
 * the diff.
 */
class GoldenFilesTest {

  static final String UPDATE_PROPERTY = "streamer.updateGolden";
  private static final Path GOLDEN_SOURCE_DIR = Path.of("src/test/resources/golden/shop");

  @Test
  void generatedSourcesMatchGoldenFiles() throws IOException {
    Compilation compilation = Compilations.compile(Compilations.inputs("shop"), "-Astreamer.app=Shop");
    assertThat(compilation).succeededWithoutWarnings();
    Map<String, String> generated = new TreeMap<>(Compilations.generatedSources(compilation));
    generated.putAll(Compilations.generatedResources(compilation));

    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      update(generated);
    }
    Map<String, String> golden = golden();
    assertEquals(golden.keySet(), generated.keySet(), "generated files differ from golden files");
    for (Map.Entry<String, String> e : generated.entrySet()) {
      assertEquals(golden.get(e.getKey()), e.getValue(), "generated " + e.getKey() + " differs from its golden file");
    }
  }

  private static Map<String, String> golden() throws IOException {
    Path root = Compilations.resourceDir("golden/shop");
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path file : paths.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString().replace(java.io.File.separatorChar, '/'),
            Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  /** Rewrites the golden files in the source tree and in target/test-classes (so this run compares them too). */
  private static void update(Map<String, String> generated) throws IOException {
    for (Path dir : new Path[] {GOLDEN_SOURCE_DIR, Compilations.resourceDir("golden/shop")}) {
      if (Files.exists(dir)) {
        try (Stream<Path> paths = Files.walk(dir)) {
          for (Path file : paths.filter(Files::isRegularFile).toList()) {
            Files.delete(file);
          }
        }
      }
      for (Map.Entry<String, String> e : generated.entrySet()) {
        Path file = dir.resolve(e.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
      }
    }
  }
}
