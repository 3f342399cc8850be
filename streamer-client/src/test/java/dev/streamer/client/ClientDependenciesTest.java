package dev.streamer.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a project that adds only {@code streamer-client} gets on its class path: the build writes this module's
 * resolved compile and runtime dependencies, transitive ones included ({@code maven-dependency-plugin:list}, see the
 * pom), and these tests read that list. A dependency added to the client or to {@code streamer-core} shows up here.
 */
class ClientDependenciesTest {

  /** Group ids a client must never pull: the AWS SDKs and Lambda libraries, Auth0's JWT libraries. */
  private static final List<String> FORBIDDEN_GROUPS = List.of("software.amazon", "com.amazonaws", "com.auth0");

  /** {@code   com.fasterxml.jackson.core:jackson-core:jar:2.21.2:compile -- module …}. */
  private static final Pattern COORDINATES = Pattern.compile("^\\s*([\\w.-]+):([\\w.-]+):[\\w.-]+:\\S+");

  @Test
  void aClientOnlyProjectPullsNoAwsOrAuth0Artifact() throws IOException {
    List<String> offending = resolved().stream()
        .filter(c -> FORBIDDEN_GROUPS.stream().anyMatch(g -> c.startsWith(g + ".") || c.startsWith(g + ":")))
        .toList();
    assertEquals(List.of(), offending);
  }

  @Test
  void dependsOnStreamerCoreAndJacksonCoreOnly() throws IOException {
    // the README's module table says so; jackson-databind stays an optional dependency of streamer-core
    assertEquals(List.of("com.fasterxml.jackson.core:jackson-core", "dev.streamer:streamer-core"), resolved());
  }

  @Test
  void forbiddenGroupsAreRecognisedInTheListsFormat() {
    assertEquals("software.amazon.awssdk:dynamodb", coordinates(
        "   software.amazon.awssdk:dynamodb:jar:2.34.0:compile -- module software.amazon.awssdk.services.dynamodb"));
    assertEquals("com.auth0:java-jwt", coordinates("   com.auth0:java-jwt:jar:4.5.0:runtime"));
    assertEquals(null, coordinates("The following files have been resolved:"));
  }

  /** {@code groupId:artifactId} of every resolved dependency, sorted. */
  private static List<String> resolved() throws IOException {
    String property = System.getProperty("streamer.clientDependencies");
    assertTrue(property != null, "streamer.clientDependencies is not set: run the tests through Maven");
    Path list = Path.of(property);
    assertTrue(Files.isRegularFile(list), list + " was not written by maven-dependency-plugin:list");
    return Files.readAllLines(list).stream().map(ClientDependenciesTest::coordinates)
        .filter(c -> c != null).sorted().toList();
  }

  private static String coordinates(String line) {
    Matcher m = COORDINATES.matcher(line);
    return m.find() ? m.group(1) + ":" + m.group(2) : null;
  }
}
