package dev.streamer.processor.write.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.streamer.core.app.HandlerKind;
import dev.streamer.processor.model.ActionModel;
import dev.streamer.processor.model.AppModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the thin AWS Lambda entry points, one per {@link HandlerKind} in {@link #ENTRIES}. Each delegates to the
 * runtime's function of its kind ({@code dev.streamer.runtime.aws.lambda.<Kind>Function}), which builds only what
 * that function uses; only the functions that run actions create the user's handlers (and factory). The public
 * no-arg constructor, which Lambda calls, takes the function of this execution environment from a synchronized
 * static method that builds it from the environment variables on first use; the constructor taking an {@code AwsRuntime} builds one for
 * that runtime (the local stack, tests), so several can coexist in one JVM.
 */
public final class LambdaHandlersWriter {

  private static final String RUNTIME_PACKAGE = "dev.streamer.runtime.aws.lambda";

  /**
   * One generated handler class.
   *
   * @param runsActions whether the function runs the app's actions: it is then given the route table and the
   *                    interceptors of the app's handlers
   */
  private record Entry(HandlerKind kind, TypeName event, TypeName response, String function, boolean runsActions,
      String what) {}

  private static final List<Entry> ENTRIES = List.of(
      new Entry(HandlerKind.CONNECT, Names.WEB_SOCKET_EVENT, Names.WEB_SOCKET_RESPONSE, "ConnectFunction", false,
          "WebSocket route {@code $connect}: authenticates and stores the connection"),
      new Entry(HandlerKind.DISCONNECT, Names.WEB_SOCKET_EVENT, Names.WEB_SOCKET_RESPONSE, "DisconnectFunction", false,
          "WebSocket route {@code $disconnect}: forgets the connection"),
      new Entry(HandlerKind.DEFAULT, Names.WEB_SOCKET_EVENT, Names.WEB_SOCKET_RESPONSE, "DefaultFunction", true,
          "WebSocket route {@code $default}: routes each message"),
      new Entry(HandlerKind.STREAM_PROCESSOR, Names.DYNAMODB_EVENT, Names.STREAMS_EVENT_RESPONSE,
          "StreamProcessorFunction", true, "stream of the requests table: runs queued requests"),
      new Entry(HandlerKind.SWEEPER, ParameterizedTypeName.get(Names.MAP, Names.STRING, Names.OBJECT), Names.STRING,
          "SweeperFunction", false, "scheduled sweeper: re-drives due retries and expired leases"),
      new Entry(HandlerKind.WORKER, ParameterizedTypeName.get(Names.MAP, Names.STRING, Names.OBJECT), Names.STRING,
          "WorkerFunction", true, "worker invoked asynchronously by the stream processor: runs one request of an"
              + " isolated action"));

  private LambdaHandlersWriter() {}

  /** Whether the handler classes are generated: the Lambda libraries are present and the route table has create(). */
  public static boolean generates(AppModel app) {
    return app.lambdaHandlers() && app.hasDefaultCreate();
  }

  /**
   * The kinds of handler generated for {@code app}, in order: every required kind, and the worker only when an
   * action is isolated.
   */
  static List<HandlerKind> kinds(AppModel app) {
    return entries(app).stream().map(Entry::kind).toList();
  }

  public static List<TypeSpec> write(AppModel app) {
    return entries(app).stream().map(entry -> handler(app, entry)).toList();
  }

  private static List<Entry> entries(AppModel app) {
    boolean isolated = app.actions().stream().anyMatch(ActionModel::isolated);
    return ENTRIES.stream().filter(entry -> entry.kind().required() || isolated).toList();
  }

  /**
   * The no-arg constructor builds the function once per execution environment, on first use, in a synchronized
   * static method rather than a lazy holder class: loading the handler class builds nothing, and a cold start loads
   * no class more.
   */
  private static TypeSpec handler(AppModel app, Entry entry) {
    ClassName self = app.appType(entry.kind().classSuffix());
    ClassName function = ClassName.get(RUNTIME_PACKAGE, entry.function()); // one of Names.FUNCTIONS
    // functions that run no action are built in one expression; the others by function(runtime), which creates the
    // app's handlers
    CodeBlock fromEnvironment = entry.runsActions()
        ? CodeBlock.of("function($T.fromEnvironment())", Names.AWS_RUNTIME)
        : CodeBlock.of("new $T($T.fromEnvironment())", function, Names.AWS_RUNTIME);
    CodeBlock onRuntime = entry.runsActions()
        ? CodeBlock.of("function(runtime)") : CodeBlock.of("new $T(runtime)", function);
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(Names.REQUEST_HANDLER, entry.event(), entry.response()))
        .addJavadoc("AWS Lambda handler of {@code $L}, $L.\n", app.name(), entry.what())
        .addField(FieldSpec.builder(function, "environmentFunction", Modifier.PRIVATE, Modifier.STATIC)
            .addJavadoc("The function of this execution environment, built by the first no-arg constructor.\n")
            .build())
        .addField(function, "function", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("For AWS Lambda: built once per execution environment from its variables, on first use.\n")
            .addModifiers(Modifier.PUBLIC)
            .addStatement("this.function = fromEnvironment()")
            .build())
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("The function on {@code runtime} (the local stack, tests).\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(Names.AWS_RUNTIME, "runtime")
            .addStatement("this.function = $L", onRuntime)
            .build());
    if (entry.runsActions()) {
      type.addMethod(factory(app, function));
    }
    type.addMethod(MethodSpec.methodBuilder("handleRequest")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(entry.response())
        .addParameter(entry.event(), "event")
        .addParameter(Names.CONTEXT, "context")
        .addStatement("return function.handle(event, context)")
        .build())
        .addMethod(MethodSpec.methodBuilder("fromEnvironment")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.SYNCHRONIZED)
            .returns(function)
            .beginControlFlow("if (environmentFunction == null)")
            .addStatement("environmentFunction = $L", fromEnvironment)
            .endControlFlow()
            .addStatement("return environmentFunction")
            .build());
    app.handlers().forEach(h -> type.addOriginatingElement(h.element()));
    if (app.factory() != null) {
      type.addOriginatingElement(app.factory());
    }
    return type.build();
  }

  /** Creates the app's handlers (its {@code @HandlerFactory}, if any) and the function over their routes. */
  private static MethodSpec factory(AppModel app, ClassName function) {
    ClassName handlers = app.appType("Handlers");
    CodeBlock create = app.factory() != null
        ? CodeBlock.of("new $T()", app.factoryName())
        : CodeBlock.of("new $T() {}", handlers);
    return MethodSpec.methodBuilder("function")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(function)
        .addParameter(Names.AWS_RUNTIME, "runtime")
        .addStatement("$T handlers = $L", handlers, create)
        .addStatement("return new $T(runtime, $T.create(handlers), handlers.interceptors())", function,
            app.appType("RouteTable"))
        .build();
  }
}
