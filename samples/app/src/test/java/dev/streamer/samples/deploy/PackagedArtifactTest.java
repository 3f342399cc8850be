package dev.streamer.samples.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.deploy.sam.ParsedTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** What is, and what must never be, in the deployable jar. */
class PackagedArtifactTest {

  /** Test tools, build tools and the local stack: none belongs in a Lambda. */
  private static final List<String> FORBIDDEN = List.of(
      "com/amazonaws/services/dynamodbv2/local/", "org/junit/", "com/palantir/javapoet/", "dev/streamer/processor/",
      "dev/streamer/deploy/", "org/yaml/snakeyaml/", "com/almworks/sqlite4java/", "org/eclipse/jetty/",
      "com/google/auto/service/", "org/mockito/", "net/jqwik/");

  /**
   * Libraries the runtime does not need at all, each of which once came in transitively: Guava (through jwks-rsa),
   * jackson-databind (through java-jwt; optional in streamer-core), the auth0 JWT libraries (replaced by jose4j).
   */
  private static final List<String> NOT_NEEDED = List.of(
      "com/google/common/", "org/checkerframework/", "com/fasterxml/jackson/databind/", "com/auth0/",
      "software/amazon/awssdk/services/dynamodb/streams/", "software/amazon/eventstream/");

  /**
   * The sample's size budget (issue 8): 8 MB, the Lambda SDK module of isolated actions included (the pruner keeps of
   * an unused operation only its request class, and drops the endpoint rule engine the compiled providers do not use).
   */
  private static final long MAX_BYTES = 8_000_000;

  @Test
  void containsNoLibraryTheRuntimeDoesNotNeed() throws IOException {
    List<String> offending = new ArrayList<>();
    try (JarFile jar = new JarFile(BuildOutputs.artifact().toFile())) {
      jar.stream().map(ZipEntry::getName)
          .filter(name -> NOT_NEEDED.stream().anyMatch(name::startsWith))
          .limit(20)
          .forEach(offending::add);
    }
    assertEquals(List.of(), offending);
  }

  @Test
  void containsNoTestOrBuildTooling() throws IOException {
    List<String> offending = new ArrayList<>();
    try (JarFile jar = new JarFile(BuildOutputs.artifact().toFile())) {
      jar.stream().map(ZipEntry::getName)
          .filter(name -> FORBIDDEN.stream().anyMatch(name::startsWith))
          .limit(20)
          .forEach(offending::add);
    }
    assertEquals(List.of(), offending);
  }

  @Test
  void containsEveryHandlerTheTemplateNames() throws IOException {
    ParsedTemplate template = BuildOutputs.parsedTemplate();
    List<String> functions = template.resourcesOfType("AWS::Serverless::Function");
    assertEquals(6, functions.size(), "five, and the worker of the isolated export_records");
    Map<String, Object> globals = ParsedTemplate.cast(template.section("Globals").get("Function"));
    assertEquals(BuildOutputs.template().getParent().resolve((String) globals.get("CodeUri")).normalize(),
        BuildOutputs.artifact().toAbsolutePath().normalize(), "CodeUri is the artifact");
    try (JarFile jar = new JarFile(BuildOutputs.artifact().toFile())) {
      for (String function : functions) {
        String handler = (String) template.properties(function).get("Handler");
        assertTrue(handler.endsWith("." + function), handler + " is named as its function");
        assertTrue(jar.getEntry(handler.replace('.', '/') + ".class") != null, handler + " is in the jar");
      }
      assertTrue(jar.getEntry("dev/streamer/samples/SampleRouteTable.class") != null);
      for (String runtime : List.of("AwsRuntime", "ConnectFunction", "DisconnectFunction", "DefaultFunction",
          "StreamProcessorFunction", "SweeperFunction", "WorkerFunction")) {
        assertTrue(jar.getEntry("dev/streamer/runtime/aws/lambda/" + runtime + ".class") != null, runtime);
      }
      assertTrue(jar.getEntry("META-INF/streamer/sample-manifest.json") != null, "the manifest is packaged");
      assertTrue(jar.getEntry("software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class") != null);
      String services = new String(jar.getInputStream(
          jar.getEntry("META-INF/services/software.amazon.awssdk.http.SdkHttpService")).readAllBytes());
      assertTrue(services.contains("UrlConnectionSdkHttpService"), services);
      Set<String> signatures = new TreeSet<>();
      jar.stream().map(ZipEntry::getName).filter(n -> n.matches("META-INF/[^/]+\\.(SF|RSA|DSA)")).forEach(signatures::add);
      assertEquals(Set.of(), signatures, "signature files of shaded jars would fail verification");
    }
    long size = Files.size(BuildOutputs.artifact());
    System.out.printf("[streamer] %s: %,d bytes (%.1f MiB)%n", BuildOutputs.artifact().getFileName(), size,
        size / 1048576.0);
    assertFalse(size > 50L * 1024 * 1024, "a zip deployment package must stay under 50 MB");
    assertTrue(size <= MAX_BYTES,
        "the sample's Lambda jar is budgeted at " + MAX_BYTES + " bytes (issue 8): " + size);
  }
}
