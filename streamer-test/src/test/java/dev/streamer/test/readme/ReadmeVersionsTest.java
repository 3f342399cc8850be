package dev.streamer.test.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Maven snippets can be pasted as they are: every dependency and plugin carries a version (a Streamer
 * module may take it from the {@code streamer-bom} the same snippet imports), and each version is the build's own.
 */
class ReadmeVersionsTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern XML_BLOCK = Pattern.compile("(?s)```xml\\n(.*?)```");
  private static final Pattern ARTIFACT = Pattern.compile(
      "(?s)<(dependency|plugin|path)>\\s*(?:<groupId>([^<]+)</groupId>\\s*)?<artifactId>([^<]+)</artifactId>"
          + "\\s*(?:<version>([^<]+)</version>)?");

  @Test
  void everySnippetArtifactHasTheBuildsVersion() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Map<String, String> expected = expectedVersions();
    List<String> seen = new ArrayList<>();
    Matcher block = XML_BLOCK.matcher(readme);
    while (block.find()) {
      String xml = block.group(1);
      boolean importsBom = xml.contains("<artifactId>streamer-bom</artifactId>");
      Matcher m = ARTIFACT.matcher(xml);
      while (m.find()) {
        String group = m.group(2) == null ? "org.apache.maven.plugins" : m.group(2);
        String coordinates = group + ":" + m.group(3);
        String version = m.group(4);
        seen.add(coordinates);
        if (version == null) {
          assertTrue(importsBom && group.equals("dev.streamer"),
              coordinates + " has no version in a README snippet:\n" + xml);
          continue;
        }
        String want = group.equals("dev.streamer") ? expected.get("project") : expected.get(coordinates);
        assertEquals(want, version, coordinates + " in a README snippet");
      }
    }
    assertTrue(seen.containsAll(List.of("dev.streamer:streamer-bom", "org.slf4j:slf4j-simple",
        "jakarta.validation:jakarta.validation-api", "org.apache.maven.plugins:maven-compiler-plugin")), seen::toString);
  }

  @Test
  void theGenerateCommandNamesTheBuildsArchetype() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Map<String, String> expected = expectedVersions();
    assertTrue(readme.contains("maven-archetype-plugin:" + expected.get("archetype-plugin") + ":generate"));
    assertTrue(readme.contains("-DarchetypeVersion=" + expected.get("project") + " "));
    assertFalse(readme.contains("-DarchetypeVersion=" + expected.get("project") + "-"));
  }

  /** The versions the build uses, read from its poms (the parent's properties and pluginManagement). */
  private static Map<String, String> expectedVersions() throws IOException {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String processor = Files.readString(ROOT.resolve("streamer-processor").resolve("pom.xml"));
    return Map.of(
        "project", find(parent, "<artifactId>streamer-parent</artifactId>\\s*<version>([^<]+)</version>"),
        "archetype-plugin", find(parent, "<artifactId>maven-archetype-plugin</artifactId>\\s*<version>([^<]+)</version>"),
        "org.apache.maven.plugins:maven-compiler-plugin", property(parent, "maven-compiler-plugin.version"),
        "org.apache.maven.plugins:maven-surefire-plugin", property(parent, "maven-surefire-plugin.version"),
        "org.slf4j:slf4j-simple", property(parent, "slf4j.version"),
        "org.junit.jupiter:junit-jupiter", property(parent, "junit.version"),
        "jakarta.validation:jakarta.validation-api",
        find(processor, "<artifactId>jakarta.validation-api</artifactId>\\s*<version>([^<]+)</version>"));
  }

  private static String property(String pom, String name) {
    return find(pom, "<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">");
  }

  private static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), "not found: " + regex);
    return m.group(1);
  }
}
