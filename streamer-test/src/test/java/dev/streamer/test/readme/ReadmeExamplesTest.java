package dev.streamer.test.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Testing your actions" examples are these compiled tests: every block between {@code // tag::x[]}
 * and {@code // end::x[]} in this package appears verbatim (without its common indentation) in the README.
 */
class ReadmeExamplesTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path EXAMPLES = Path.of("src", "test", "java", "dev", "streamer", "test", "readme");
  private static final Pattern TAG = Pattern.compile("(?m)^[ \\t]*// tag::([a-z0-9-]+)\\[\\]\\n(.*?)^[ \\t]*// end::\\1\\[\\]",
      Pattern.DOTALL);

  @Test
  void everyTaggedExampleIsInTheReadme() throws IOException {
    String readme = Files.readString(README);
    Map<String, String> snippets = new LinkedHashMap<>();
    try (var files = Files.list(EXAMPLES)) {
      for (Path file : files.sorted().toList()) {
        Matcher m = TAG.matcher(Files.readString(file));
        while (m.find()) {
          snippets.put(m.group(1), dedent(m.group(2)));
        }
      }
    }
    assertEquals(List.of("e2e", "clock", "route", "unit"), List.copyOf(snippets.keySet()));
    snippets.forEach((tag, snippet) ->
        assertTrue(readme.contains(snippet), "README lacks example " + tag + ", expected:\n" + snippet));
  }

  private static String dedent(String block) {
    List<String> lines = new ArrayList<>(List.of(block.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList()) + "\n";
  }
}
