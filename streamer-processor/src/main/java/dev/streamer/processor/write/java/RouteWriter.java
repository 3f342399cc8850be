package dev.streamer.processor.write.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.streamer.core.limits.RateLimit;
import dev.streamer.processor.model.ActionModel;
import dev.streamer.processor.model.AppModel;
import dev.streamer.processor.model.Naming;
import dev.streamer.processor.model.ParamKind;
import dev.streamer.processor.model.ResultModel;
import dev.streamer.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <ActionPascal>Route}: its metadata and codecs handed to {@code ActionRoute} (which decodes, validates
 * and encodes), {@code queueWhen} when declared, and {@code invoke}.
 */
public final class RouteWriter {

  private RouteWriter() {}

  public static TypeSpec write(AppModel app, ActionModel action) {
    ClassName route = Naming.route(app.packageName(), action.name());
    TypeName payload = action.hasPayload() ? action.payload() : Names.VOID;
    TypeName result = action.result().javaType();
    TypeSpec.Builder type = TypeSpec.classBuilder(route)
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(Names.ACTION_ROUTE, payload, result))
        .addJavadoc(javadoc(action))
        .addOriginatingElement(action.element())
        .addField(constant(Names.STRING, "ACTION", CodeBlock.of("$S", action.name())))
        .addField(constant(Names.STRING, "DESCRIPTION", CodeBlock.of("$S", action.description())))
        .addField(constant(TypeName.LONG, "ESTIMATED_MILLIS", CodeBlock.of("$LL", action.estimatedMillis())))
        .addField(constant(TypeName.BOOLEAN, "ASYNC", CodeBlock.of("$L", action.async())))
        .addField(action.handler(), "handler", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addParameter(action.handler(), "handler")
            .addStatement("super(ACTION, DESCRIPTION, ESTIMATED_MILLIS, ASYNC, $L, $L,$W$L)", payloadReader(action),
                validator(app, action), resultWriter(action))
            .addStatement("this.handler = $T.requireNonNull(handler, $S)", Names.OBJECTS, "handler")
            .build());
    rateLimit(type, "RATE_LIMIT", "rateLimit", action.rateLimit());
    rateLimit(type, "TENANT_RATE_LIMIT", "tenantRateLimit", action.tenantRateLimit());
    if (!action.params().contains(ParamKind.PROGRESS)) { // Route's default (true) is the safe one for others
      type.addMethod(MethodSpec.methodBuilder("takesProgress")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(TypeName.BOOLEAN)
          .addStatement("return false")
          .build());
    }
    if (action.isolated()) {
      type.addMethod(MethodSpec.methodBuilder("isolated")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(TypeName.BOOLEAN)
          .addStatement("return true")
          .build());
    }
    if (action.queueWhen() != null) {
      type.addMethod(MethodSpec.methodBuilder("queueWhen")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(Boolean.class)
          .addParameter(payload, "payload")
          .addStatement("return payload.$N()", action.queueWhen())
          .build());
    }
    return type.addMethod(invoke(action, payload, result))
        .addMethod(example(app, action, result))
        .build();
  }

  /** The synthetic payload and result that SnapStart priming runs through the codecs and validator. */
  private static MethodSpec example(AppModel app, ActionModel action, TypeName result) {
    CodeBlock payloadJson = action.hasPayload()
        ? CodeBlock.of("$S", ExampleJson.of(app, new TypeRef.RecordRef(action.payload()))) : CodeBlock.of("null");
    CodeBlock resultJson = CodeBlock.of("null");
    CodeBlock resultReader = CodeBlock.of("null");
    if (action.result().kind() == ResultModel.Kind.CODEC) {
      resultJson = CodeBlock.of("$S", ExampleJson.of(app, action.result().codec()));
      resultReader = CodecExpressions.reader(action.result().codec(), 0);
    }
    return MethodSpec.methodBuilder("example")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .returns(ParameterizedTypeName.get(Names.ROUTE_EXAMPLE, result))
        .addStatement("return new $T<>($L, $L,$W$L)", Names.ROUTE_EXAMPLE, payloadJson, resultJson, resultReader)
        .build();
  }

  private static CodeBlock javadoc(ActionModel action) {
    CodeBlock.Builder doc = CodeBlock.builder()
        .add("Route of action {@code $L}: calls {@link $T#$L}.\n", action.name(), action.handler(), action.methodName());
    if (!action.description().isEmpty()) {
      doc.add("\n<p>$L\n", action.description().replace("*/", "*&#47;"));
    }
    doc.add("\n<p>$L\n", action.async()
        ? "Asynchronous: its estimate is above the async threshold, so requests are queued."
        : "Synchronous, unless the runtime threshold says otherwise.");
    if (action.isolated()) {
      doc.add("Isolated: each request runs in its own invocation of the worker function.\n");
    }
    if (action.queueWhen() != null) {
      doc.add("Per request, {@code $L()} on the payload decides.\n", action.queueWhen());
    }
    if (action.result().kind() == ResultModel.Kind.ANY) {
      doc.add("\n<p>The result is written by {@code JsonWrite.any} (Jackson databind fallback for POJOs).\n");
    }
    return doc.build();
  }

  /** {@code RATE_LIMIT = RateLimit.of(20, 60L); // 20/1m} and its getter, when declared. */
  private static void rateLimit(TypeSpec.Builder type, String constant, String getter, RateLimit limit) {
    if (limit == null) {
      return;
    }
    type.addField(FieldSpec.builder(Names.RATE_LIMIT, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of($LL, $LL)", Names.RATE_LIMIT, limit.limit(), limit.windowSeconds())
        .addJavadoc("{@code $L}\n", limit)
        .build());
    type.addMethod(MethodSpec.methodBuilder(getter)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(Names.RATE_LIMIT)
        .addStatement("return $N", constant)
        .build());
  }

  private static FieldSpec constant(TypeName type, String name, CodeBlock value) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer(value).build();
  }

  /** The payload's codec, or null (no payload: whatever is sent is skipped). */
  private static CodeBlock payloadReader(ActionModel action) {
    return action.hasPayload() ? CodeBlock.of("$T.READER", Naming.codec(action.payload())) : CodeBlock.of("null");
  }

  /** The payload's validator, or null (nothing to check). */
  private static CodeBlock validator(AppModel app, ActionModel action) {
    return action.hasPayload() && app.validated(action.payload())
        ? CodeBlock.of("$T.INSTANCE", Naming.validator(action.payload())) : CodeBlock.of("null");
  }

  private static CodeBlock resultWriter(ActionModel action) {
    return switch (action.result().kind()) {
      case VOID -> CodeBlock.of("NULL_RESULT");
      case CODEC -> CodecExpressions.writer(action.result().codec(), 0);
      case ANY -> CodeBlock.of("$T.ANY", Names.JSON_WRITE);
    };
  }

  private static MethodSpec invoke(ActionModel action, TypeName payload, TypeName result) {
    List<CodeBlock> args = new ArrayList<>();
    for (ParamKind param : action.params()) {
      args.add(CodeBlock.of("$L", switch (param) {
        case PAYLOAD -> "payload";
        case PROGRESS -> "progress";
        case CONTEXT -> "context";
        case NOTIFIER -> "context.notifier()";
      }));
    }
    CodeBlock call = CodeBlock.of("handler.$N($L)", action.methodName(), CodeBlock.join(args, ", "));
    MethodSpec.Builder invoke = MethodSpec.methodBuilder("invoke")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(result)
        .addParameter(payload, "payload")
        .addParameter(Names.REQUEST_CONTEXT, "context")
        .addParameter(Names.PROGRESS, "progress")
        .addException(Exception.class);
    if (action.result().kind() == ResultModel.Kind.VOID) {
      invoke.addStatement("$L", call).addStatement("return null");
    } else {
      invoke.addStatement("return $L", call);
    }
    return invoke.build();
  }
}
