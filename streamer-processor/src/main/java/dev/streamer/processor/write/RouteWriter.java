package dev.streamer.processor.write;

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
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes {@code <ActionPascal>Route}: decode → validate → (queueWhen) → invoke → write result. */
final class RouteWriter {

  private RouteWriter() {}

  static TypeSpec write(AppModel app, ActionModel action) {
    ClassName route = Naming.route(app.packageName(), action.name());
    TypeName payload = action.hasPayload() ? action.payload() : Names.VOID;
    TypeName result = action.result().javaType();
    TypeSpec.Builder type = TypeSpec.classBuilder(route)
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(Names.ROUTE, payload, result))
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
            .addStatement("this.handler = $T.requireNonNull(handler, $S)", Names.OBJECTS, "handler")
            .build())
        .addMethod(getter(Names.STRING, "action", "ACTION"))
        .addMethod(getter(Names.STRING, "description", "DESCRIPTION"))
        .addMethod(getter(TypeName.LONG, "estimatedMillis", "ESTIMATED_MILLIS"))
        .addMethod(getter(TypeName.BOOLEAN, "async", "ASYNC"))
        .addMethod(decode(action, payload))
        .addMethod(validate(app, action, payload));
    rateLimit(type, "RATE_LIMIT", "rateLimit", action.rateLimit());
    rateLimit(type, "TENANT_RATE_LIMIT", "tenantRateLimit", action.tenantRateLimit());
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
        .addMethod(writeResult(action, result))
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
    type.addMethod(getter(Names.RATE_LIMIT, getter, constant));
  }

  private static FieldSpec constant(TypeName type, String name, CodeBlock value) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer(value).build();
  }

  private static MethodSpec getter(TypeName type, String name, String constant) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(type)
        .addStatement("return $N", constant)
        .build();
  }

  private static MethodSpec decode(ActionModel action, TypeName payload) {
    MethodSpec.Builder decode = MethodSpec.methodBuilder("decode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(payload)
        .addParameter(Names.JSON_PARSER, "parser")
        .addException(Names.IO_EXCEPTION)
        .addStatement("$T token = parser.currentToken()", Names.JSON_TOKEN);
    if (action.hasPayload()) {
      decode.beginControlFlow("if (token == null || token == $T.VALUE_NULL)", Names.JSON_TOKEN)
          .addStatement("throw new $T($S, $S)", Names.JSON_DECODE_EXCEPTION, "", "payload is required")
          .endControlFlow()
          .addStatement("return $T.read(parser)", Naming.codec(action.payload()));
    } else {
      decode.addComment("no payload: whatever was sent is skipped")
          .beginControlFlow("if (token != null)")
          .addStatement("$T.skipValue(parser)", Names.JSON_READ)
          .endControlFlow()
          .addStatement("return null");
    }
    return decode.build();
  }

  private static MethodSpec validate(AppModel app, ActionModel action, TypeName payload) {
    MethodSpec.Builder validate = MethodSpec.methodBuilder("validate")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(payload, "payload")
        .addParameter(Names.VIOLATIONS, "violations");
    if (action.hasPayload() && app.validated(action.payload())) {
      validate.addStatement("$T.INSTANCE.validate(payload, $T.ROOT, violations)",
          Naming.validator(action.payload()), Names.PATH);
    } else {
      validate.addComment("nothing to check");
    }
    return validate.build();
  }

  private static MethodSpec invoke(ActionModel action, TypeName payload, TypeName result) {
    List<CodeBlock> args = new ArrayList<>();
    for (ParamKind param : action.params()) {
      args.add(CodeBlock.of("$L", switch (param) {
        case PAYLOAD -> "payload";
        case PROGRESS -> "progress";
        case CONTEXT -> "context";
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

  private static MethodSpec writeResult(ActionModel action, TypeName result) {
    MethodSpec.Builder write = MethodSpec.methodBuilder("writeResult")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(result, "result")
        .addParameter(Names.JSON_GENERATOR, "generator")
        .addException(Names.IO_EXCEPTION);
    switch (action.result().kind()) {
      case VOID -> write.addStatement("generator.writeNull()");
      case CODEC -> write.addStatement(
          CodecExpressions.write(action.result().codec(), "generator", CodeBlock.of("result"), 0));
      case ANY -> write.addStatement("$T.any(generator, result)", Names.JSON_WRITE);
    }
    return write.build();
  }
}
