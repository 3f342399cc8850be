package dev.streamer.processor.write.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import java.util.List;

/** Types the generated code refers to. By name only: the processor has no dependency on the runtime. */
final class Names {

  static final String PROCESSOR = "dev.streamer.processor.StreamerProcessor";
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
  static final ClassName JSON_GENERATOR = ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
  static final ClassName JSON_TOKEN = ClassName.get("com.fasterxml.jackson.core", "JsonToken");
  static final ClassName SERIALIZED_STRING = ClassName.get("com.fasterxml.jackson.core.io", "SerializedString");

  private static final String JSON = "dev.streamer.core.json";
  static final ClassName JSON_READ = ClassName.get(JSON, "JsonRead");
  static final ClassName JSON_WRITE = ClassName.get(JSON, "JsonWrite");
  static final ClassName JSON_READER = ClassName.get(JSON, "JsonReader");
  static final ClassName JSON_WRITER = ClassName.get(JSON, "JsonWriter");
  static final ClassName JSON_DECODE_EXCEPTION = ClassName.get(JSON, "JsonDecodeException");

  private static final String VALIDATION = "dev.streamer.core.validation";
  static final ClassName VALIDATOR = ClassName.get(VALIDATION, "Validator");
  static final ClassName PATH = ClassName.get(VALIDATION, "Path");
  static final ClassName VIOLATIONS = ClassName.get(VALIDATION, "Violations");
  static final ClassName CONSTRAINTS = ClassName.get(VALIDATION, "Constraints");

  static final ClassName ROUTE = ClassName.get("dev.streamer.core.routing", "Route");
  static final ClassName RATE_LIMIT = ClassName.get("dev.streamer.core.limits", "RateLimit");
  static final ClassName ACTION_ROUTE = ClassName.get("dev.streamer.core.routing", "ActionRoute");
  static final ClassName ROUTE_EXAMPLE = ClassName.get("dev.streamer.core.routing", "RouteExample");
  static final ClassName ROUTE_TABLE = ClassName.get("dev.streamer.core.routing", "RouteTable");
  static final ClassName PROGRESS = ClassName.get("dev.streamer.core", "Progress");
  static final ClassName REQUEST_CONTEXT = ClassName.get("dev.streamer.core", "RequestContext");
  static final ClassName AWS_RUNTIME = ClassName.get("dev.streamer.runtime.aws.lambda", "AwsRuntime");
  static final ClassName INTERCEPTOR = ClassName.get("dev.streamer.core.routing", "Interceptor");
  /** The per-function runtimes the generated Lambda handlers delegate to. */
  static final List<ClassName> FUNCTIONS = List.of("ConnectFunction", "DisconnectFunction", "DefaultFunction",
      "StreamProcessorFunction", "SweeperFunction", "WorkerFunction").stream()
      .map(name -> ClassName.get("dev.streamer.runtime.aws.lambda", name)).toList();

  private static final String LAMBDA = "com.amazonaws.services.lambda.runtime";
  static final ClassName REQUEST_HANDLER = ClassName.get(LAMBDA, "RequestHandler");
  static final ClassName CONTEXT = ClassName.get(LAMBDA, "Context");
  static final ClassName WEB_SOCKET_EVENT = ClassName.get(LAMBDA + ".events", "APIGatewayV2WebSocketEvent");
  static final ClassName WEB_SOCKET_RESPONSE = ClassName.get(LAMBDA + ".events", "APIGatewayV2WebSocketResponse");
  static final ClassName DYNAMODB_EVENT = ClassName.get(LAMBDA + ".events", "DynamodbEvent");
  static final ClassName STREAMS_EVENT_RESPONSE = ClassName.get(LAMBDA + ".events", "StreamsEventResponse");

  static final ClassName IO_EXCEPTION = ClassName.get("java.io", "IOException");
  static final ClassName STRING = ClassName.get("java.lang", "String");
  static final ClassName OBJECT = ClassName.get("java.lang", "Object");
  static final ClassName VOID = ClassName.get("java.lang", "Void");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName SET = ClassName.get("java.util", "Set");
  static final ClassName MAP = ClassName.get("java.util", "Map");
  static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  static final ClassName COLLECTION = ClassName.get("java.util", "Collection");
  static final ClassName REGEX_PATTERN = ClassName.get("java.util.regex", "Pattern");
  static final ClassName CLOCK = ClassName.get("java.time", "Clock");

  /** Every type above: generated code refers to them by simple name, so no generated local may take one. */
  static final ClassName EVENT_TYPE = ClassName.get("dev.streamer.core.event", "EventType");
  static final ClassName EVENT_REGISTRY = ClassName.get("dev.streamer.core.event", "EventRegistry");

  static final List<ClassName> ALL = java.util.stream.Stream.concat(FUNCTIONS.stream(), java.util.stream.Stream.of(
      GENERATED, JSON_PARSER, JSON_GENERATOR, JSON_TOKEN,
      SERIALIZED_STRING, JSON_READ, JSON_WRITE, JSON_READER,
      JSON_WRITER, JSON_DECODE_EXCEPTION, VALIDATOR, PATH,
      VIOLATIONS, CONSTRAINTS, ROUTE, ROUTE_TABLE,
      PROGRESS, REQUEST_CONTEXT, AWS_RUNTIME, ACTION_ROUTE, ROUTE_EXAMPLE, INTERCEPTOR, REQUEST_HANDLER,
      CONTEXT, WEB_SOCKET_EVENT, WEB_SOCKET_RESPONSE, DYNAMODB_EVENT,
      STREAMS_EVENT_RESPONSE, IO_EXCEPTION, STRING,
      OBJECT, VOID, LIST, SET,
      MAP, OPTIONAL, OBJECTS, COLLECTION,
      REGEX_PATTERN, CLOCK, EVENT_TYPE, EVENT_REGISTRY)).toList();

  /** The {@code java.lang} types generated code names without an import (a same-package type would hide them). */
  static final List<String> JAVA_LANG = List.of("Boolean", "Byte", "Character", "CharSequence", "Double",
      "Exception", "Float", "Integer", "Long", "Object", "Override", "RuntimeException", "Short", "String", "Void");

  private Names() {}

  /** {@code @Generated("dev.streamer.processor.StreamerProcessor")}: no date, so output is deterministic. */
  static AnnotationSpec generated() {
    return AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build();
  }
}
