package dev.streamer.samples.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.streamer.deploy.sam.ParsedTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Every function's event, read and its reply written the way AWS Lambda's Java runtime does, against the packaged
 * jar alone. That runtime's event deserializer loads {@code org.joda.time.DateTime} from the function's jar for every
 * event type (aws/aws-lambda-java-libs#72), so joda-time cannot leave the jar; what the jar leaves out of it (the
 * parsers, converters and time-zone data, used only by events that hold a Joda value) is proven unused here.
 */
class LambdaDeserializationTest {

  /** Function (as the template names it) to the AWS-shaped event it receives. */
  private static final Map<String, String> FIXTURES = Map.of(
      "SampleConnectHandler", "websocket-connect.json",
      "SampleDisconnectHandler", "websocket-disconnect.json",
      "SampleDefaultHandler", "websocket-message.json",
      "SampleStreamProcessor", "dynamodb-stream-insert.json",
      "SampleSweeper", "scheduled-event.json",
      "SampleWorkerHandler", "{\"requestId\":\"req-fixture-1\",\"attempt\":0}"); // as the processor invokes it

  private static final String SOCKET_REPLY =
      "{\"isBase64Encoded\":false,\"statusCode\":200,\"body\":\"{\\\"type\\\":\\\"ack\\\"}\"}";

  @Test
  void everyFunctionsEventAndReplyGoThroughLambdasSerializerWithThePackagedJarOnly()
      throws IOException, URISyntaxException {
    ParsedTemplate template = BuildOutputs.parsedTemplate();
    List<String> functions = template.resourcesOfType("AWS::Serverless::Function");
    assertEquals(FIXTURES.keySet(), Set.copyOf(functions), "a fixture per function");
    List<String> args = new ArrayList<>();
    for (String function : functions.stream().sorted().toList()) {
      String handler = (String) template.properties(function).get("Handler");
      args.add(handler);
      args.add(fixture(FIXTURES.get(function)));
    }
    Path serialization = Path.of(
        LambdaEventSerializers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ChildJvm.Result result = ChildJvm.run(ChildJvm.builder(
        List.of(BuildOutputs.artifact(), BuildOutputs.testClasses(), serialization), Map.of(),
        LambdaSerializationProbe.class.getName(), args), 60);
    assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
    assertEquals(List.of(
        "SampleConnectHandler $connect GXLKAfX1IAMCJBA= -> " + SOCKET_REPLY,
        "SampleDefaultHandler $default GXLKAfX1IAMCJBA= -> " + SOCKET_REPLY,
        "SampleDisconnectHandler $disconnect GXLKAfX1IAMCJBA= -> " + SOCKET_REPLY,
        "SampleStreamProcessor INSERT req-fixture-1 2024-01-12T10:21:00Z -> "
            + "{\"batchItemFailures\":[{\"itemIdentifier\":\"100000000000000000001\"}]}",
        "SampleSweeper Scheduled Event -> \"{\\\"swept\\\":0}\"",
        "SampleWorkerHandler requestId=req-fixture-1 -> \"{\\\"swept\\\":0}\""),
        result.stdoutLines(LambdaSerializationProbe.RESULT));
  }

  @Test
  void theJarKeepsJodaTimeButNotItsParsersOrZoneData() throws IOException {
    try (JarFile jar = new JarFile(BuildOutputs.artifact().toFile())) {
      assertEquals("org/joda/time/DateTime.class", jar.getEntry("org/joda/time/DateTime.class").getName());
      for (String left : List.of("org/joda/time/format/DateTimeFormatter.class",
          "org/joda/time/convert/ConverterManager.class", "org/joda/time/tz/data/ZoneInfoMap",
          "com/amazonaws/services/lambda/runtime/events/ScheduledEvent.class")) {
        assertNull(jar.getEntry(left), left);
      }
    }
  }

  private static String fixture(String name) throws IOException {
    if (name.startsWith("{")) {
      return name;
    }
    try (InputStream in = LambdaDeserializationTest.class.getClassLoader().getResourceAsStream("events/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name + " (streamer-runtime's test jar)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
