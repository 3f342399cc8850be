package dev.streamer.processor.write;

import dev.streamer.core.app.HandlerKind;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.streamer.processor.model.AppModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the five thin AWS Lambda entry points. Each builds one {@code StreamerLambda} per execution environment
 * (static initializer) and delegates to it.
 */
final class LambdaHandlersWriter {

  private record Entry(HandlerKind kind, ClassName event, ClassName response, String method, String what) {}

  private static final List<Entry> ENTRIES = List.of(
      new Entry(HandlerKind.CONNECT, Names.WEB_SOCKET_EVENT, Names.WEB_SOCKET_RESPONSE, "connect",
          "the API Gateway WebSocket {@code $connect} route: authenticates and stores the connection"),
      new Entry(HandlerKind.DISCONNECT, Names.WEB_SOCKET_EVENT, Names.WEB_SOCKET_RESPONSE, "disconnect",
          "the API Gateway WebSocket {@code $disconnect} route: forgets the connection"),
      new Entry(HandlerKind.DEFAULT, Names.WEB_SOCKET_EVENT, Names.WEB_SOCKET_RESPONSE, "message",
          "the API Gateway WebSocket {@code $default} route: routes each message"),
      new Entry(HandlerKind.STREAM_PROCESSOR, Names.DYNAMODB_EVENT, Names.STREAMS_EVENT_RESPONSE, "process",
          "the DynamoDB stream of the requests table: runs queued requests"),
      new Entry(HandlerKind.SWEEPER, Names.SCHEDULED_EVENT, Names.STRING, "sweep",
          "the scheduled sweeper: re-drives due retries and expired leases"));

  private LambdaHandlersWriter() {}

  /** Whether the handler classes are generated: the Lambda libraries are present and the route table has create(). */
  static boolean generates(AppModel app) {
    return app.lambdaHandlers() && app.hasDefaultCreate();
  }

  /** The kinds of handler generated, in order. */
  static List<HandlerKind> kinds() {
    return ENTRIES.stream().map(Entry::kind).toList();
  }

  static List<TypeSpec> write(AppModel app) {
    CodeBlock table = app.factory() != null
        ? CodeBlock.of("$T.create(new $T())", app.appType("RouteTable"), app.factoryName())
        : CodeBlock.of("$T.create()", app.appType("RouteTable"));
    return ENTRIES.stream().map(entry -> handler(app, entry, table)).toList();
  }

  private static TypeSpec handler(AppModel app, Entry entry, CodeBlock table) {
    TypeSpec.Builder type = TypeSpec.classBuilder(app.appType(entry.kind().classSuffix()))
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(Names.REQUEST_HANDLER, entry.event(), entry.response()))
        .addJavadoc("AWS Lambda handler of application {@code $L}:\n$L.\n", app.name(), entry.what())
        .addField(FieldSpec.builder(Names.STREAMER_LAMBDA, "RUNTIME", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$T.fromEnvironment($L)", Names.STREAMER_LAMBDA, table)
            .build())
        .addMethod(MethodSpec.methodBuilder("handleRequest")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(entry.response())
            .addParameter(entry.event(), "event")
            .addParameter(Names.CONTEXT, "context")
            .addStatement("return RUNTIME.$N(event, context)", entry.method())
            .build());
    app.handlers().forEach(h -> type.addOriginatingElement(h.element()));
    if (app.factory() != null) {
      type.addOriginatingElement(app.factory());
    }
    return type.build();
  }
}
