package dev.streamer.maven.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The Lambda jar's rules on small jars: built-in rules, a project's own rules, services merged. */
class LambdaJarTest {

  private static final Path DIR = Path.of("target", "lambda-jar-test");

  @Test
  void appliesTheBuiltInRulesAndTheProjectsOwnAndMergesServiceFiles() throws Exception {
    File app = jar("app.jar", Map.of(
        "com/example/App.class", "app",
        "META-INF/streamer/app-manifest.json", "{}",
        "META-INF/streamer/app-asyncapi.json", "{}",
        "META-INF/streamer/js/app-client.js", "js",
        "META-INF/services/software.amazon.awssdk.http.SdkHttpService", "com.example.Mine\n"));
    File dynamodb = jar("dynamodb.jar", Map.of(
        "software/amazon/awssdk/services/dynamodb/DynamoDbClient.class", "sync",
        "software/amazon/awssdk/services/dynamodb/DynamoDbAsyncClient.class", "async",
        "software/amazon/awssdk/services/dynamodb/streams/DynamoDbStreamsClient.class", "streams",
        "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n",
        "META-INF/SIGNER.SF", "signature"));
    File events = jar("events.jar", Map.of(
        "com/amazonaws/services/lambda/runtime/events/APIGatewayV2WebSocketEvent.class", "ws",
        "com/amazonaws/services/lambda/runtime/events/SQSEvent.class", "sqs",
        "com/amazonaws/services/lambda/runtime/events/S3Event.class", "s3"));
    File urlClient = jar("url-client.jar", Map.of(
        "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class", "client",
        "META-INF/services/software.amazon.awssdk.http.SdkHttpService",
        "software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService\n"));
    File eventStream = jar("eventstream.jar", Map.of("software/amazon/eventstream/Message.class", "m"));
    File unwanted = jar("unwanted.jar", Map.of("com/acme/Big.class", "big"));

    // a project's own filter adds to the built-in includes of the events jar; its own exclusion drops a jar
    ArchiveRule sqs = new ArchiveRule("com.amazonaws:aws-lambda-java-events",
        List.of("com/amazonaws/services/lambda/runtime/events/SQSEvent*"), List.of());
    File out = DIR.resolve("lambda.jar").toFile();
    List<LambdaJar.Input> merged = LambdaJar.write(out, List.of(
            new LambdaJar.Input("com.example", "app", app, true),
            new LambdaJar.Input("software.amazon.awssdk", "dynamodb", dynamodb, false),
            new LambdaJar.Input("com.amazonaws", "aws-lambda-java-events", events, false),
            new LambdaJar.Input("software.amazon.awssdk", "url-connection-client", urlClient, false),
            new LambdaJar.Input("software.amazon.eventstream", "eventstream", eventStream, false),
            new LambdaJar.Input("com.acme", "unwanted", unwanted, false)),
        List.of(sqs), List.of("com.acme:*"));

    assertEquals(4, merged.size(), "eventstream (built-in) and com.acme:* (the project's) are left out");
    try (JarFile jar = new JarFile(out)) {
      Set<String> names = new TreeSet<>();
      jar.stream().map(ZipEntry::getName).filter(n -> !n.endsWith("/")).forEach(names::add);
      assertEquals(new TreeSet<>(Set.of(
          "META-INF/NOTICE", // the Apache NOTICE transformer's merged file, written even when no jar has one
          "com/example/App.class",
          "META-INF/streamer/app-manifest.json",
          "META-INF/services/software.amazon.awssdk.http.SdkHttpService",
          "software/amazon/awssdk/services/dynamodb/DynamoDbClient.class",
          "com/amazonaws/services/lambda/runtime/events/APIGatewayV2WebSocketEvent.class",
          "com/amazonaws/services/lambda/runtime/events/SQSEvent.class",
          "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class")), names);
      String services = new String(jar.getInputStream(
          jar.getEntry("META-INF/services/software.amazon.awssdk.http.SdkHttpService")).readAllBytes(),
          StandardCharsets.UTF_8);
      assertTrue(services.contains("com.example.Mine") && services.contains("UrlConnectionSdkHttpService"),
          "service files are merged: " + services);
      assertFalse(names.contains("META-INF/SIGNER.SF"));
    }
  }

  private static File jar(String name, Map<String, String> entries) throws IOException {
    Files.createDirectories(DIR);
    Path path = DIR.resolve(name);
    try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out)) {
      for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
        jar.putNextEntry(new JarEntry(e.getKey()));
        jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
    }
    return path.toFile();
  }
}
