package dev.streamer.maven.lambda;

import java.util.List;

/**
 * What the Lambda jar of a Streamer application leaves out, defined once: {@code streamer:sam} applies these rules
 * before the project's own {@code <filters>} and {@code <excludeArtifacts>}, and the sample app's
 * {@code PackagedArtifactTest} checks the jar they produce (contents and size).
 */
public final class LambdaJarRules {

  private LambdaJarRules() {}

  /**
   * Artifacts never packaged ({@code groupId:artifactId}): event-stream framing is for the SDK's streaming APIs,
   * which neither DynamoDB nor {@code @connections} uses.
   */
  public static final List<String> EXCLUDED_ARTIFACTS = List.of("software.amazon.eventstream:eventstream");

  /** Entry rules, in order. */
  public static final List<ArchiveRule> RULES = List.of(
      // signatures of the original jars would fail verification of the merged one; manifests, module descriptors and
      // Maven metadata are not read at run time
      new ArchiveRule("*:*", List.of(), List.of(
          "META-INF/MANIFEST.MF", "META-INF/*.SF", "META-INF/*.DSA", "META-INF/*.RSA", "module-info.class",
          "META-INF/versions/*/module-info.class", "META-INF/maven/**")),
      // Lambda's event source mapping reads the stream, never the function: no DynamoDB Streams client; the runtime
      // uses the synchronous client only, and no waiters
      new ArchiveRule("software.amazon.awssdk:dynamodb", List.of(), List.of(
          "software/amazon/awssdk/services/dynamodb/streams/**",
          "software/amazon/awssdk/services/dynamodb/DynamoDbAsync*",
          "software/amazon/awssdk/services/dynamodb/DefaultDynamoDbAsync*",
          "software/amazon/awssdk/services/dynamodb/paginators/*Publisher*",
          "software/amazon/awssdk/services/dynamodb/waiters/**")),
      // the processor's asynchronous Invoke of the worker (isolated actions) uses the synchronous client only
      new ArchiveRule("software.amazon.awssdk:lambda", List.of(), List.of(
          "software/amazon/awssdk/services/lambda/LambdaAsync*",
          "software/amazon/awssdk/services/lambda/DefaultLambdaAsync*",
          "software/amazon/awssdk/services/lambda/paginators/*Publisher*",
          "software/amazon/awssdk/services/lambda/waiters/**")),
      // the SDK's repackaged Jackson repeats jackson-core's license files, which the jar keeps from jackson-core
      new ArchiveRule("software.amazon.awssdk:third-party-jackson-core", List.of(), List.of(
          "META-INF/FastDoubleParser-LICENSE", "META-INF/FastDoubleParser-NOTICE", "META-INF/thirdparty-LICENSE")),
      // documents for clients and tools, not read at run time
      new ArchiveRule(ArchiveRule.PROJECT, List.of(), List.of(
          "META-INF/streamer/js/**", "META-INF/streamer/*-asyncapi.json")),
      // only the event types the generated handlers take (a project whose own handlers take others adds a filter
      // that includes them)
      new ArchiveRule("com.amazonaws:aws-lambda-java-events", List.of(
          "com/amazonaws/services/lambda/runtime/events/APIGatewayV2WebSocket*",
          "com/amazonaws/services/lambda/runtime/events/DynamodbEvent*",
          "com/amazonaws/services/lambda/runtime/events/StreamsEventResponse*",
          "com/amazonaws/services/lambda/runtime/events/models/dynamodb/**"), List.of()),
      // Lambda's event deserializer loads org.joda.time.DateTime for every event type (aws-lambda-java-libs#72), so
      // joda-time stays; none of these events holds a Joda value, so its parsers, converters and time-zone data are
      // never used (the sample's LambdaDeserializationTest reads every function's event with Lambda's serializer)
      new ArchiveRule("joda-time:joda-time", List.of(), List.of(
          "org/joda/time/tz/data/**", "org/joda/time/format/**", "org/joda/time/convert/**")));
}
