package dev.streamer.processor.read;

import dev.streamer.core.limits.RateLimit;
import dev.streamer.core.protocol.BuiltinAction;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.streamer.processor.diag.Message;
import dev.streamer.processor.diag.Reporter;
import dev.streamer.processor.model.ActionModel;
import dev.streamer.processor.model.Naming;
import dev.streamer.processor.model.ParamKind;
import dev.streamer.processor.model.ResultModel;
import dev.streamer.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/** Reads one {@code @Action} method. */
final class ActionReader {

  /** The action (null when invalid) and whether a type could not be resolved yet. */
  record Read(ActionModel action, boolean unresolved) {}

  private static final Pattern ACTION_NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final ClassName VOID = ClassName.get("java.lang", "Void");

  private final Reporter reporter;
  private final Annotations annotations;
  private final RecordCatalog catalog;
  private final Elements elements;
  private final String appPackage;
  private final long thresholdMillis;

  ActionReader(Reporter reporter, Annotations annotations, RecordCatalog catalog, Elements elements,
      String appPackage, long thresholdMillis) {
    this.reporter = reporter;
    this.annotations = annotations;
    this.catalog = catalog;
    this.elements = elements;
    this.appPackage = appPackage;
    this.thresholdMillis = thresholdMillis;
  }

  Read read(ExecutableElement method) {
    AnnotationMirror action = Annotations.find(method, Annotations.ACTION);
    TypeElement handler = (TypeElement) method.getEnclosingElement();
    String display = handler.getSimpleName() + "." + method.getSimpleName() + "()";
    boolean ok = checkModifiers(method, action, display);

    String explicitName = annotations.string(action, "name");
    String name = explicitName.isEmpty() ? Naming.snake(method.getSimpleName().toString())
        : explicitName;
    AnnotationValue nameValue = Annotations.explicitValue(action, "name");
    if (!ACTION_NAME.matcher(name).matches()) {
      reporter.report(Message.INVALID_ACTION_NAME, method, action, nameValue, name);
      ok = false;
    } else if (BuiltinAction.isBuiltin(name)) {
      reporter.report(Message.RESERVED_ACTION_NAME, method, action, nameValue, name);
      ok = false;
    }

    String estimated = annotations.string(action, "estimated");
    long estimatedMillis = -1;
    if (!estimated.isEmpty()) {
      AnnotationValue value = Annotations.explicitValue(action, "estimated");
      estimatedMillis = DurationParser.parseMillis(estimated);
      if (estimatedMillis < 0) {
        reporter.report(Message.INVALID_ESTIMATED, method, action, value, estimated);
        ok = false;
      } else if (estimatedMillis > DurationParser.LAMBDA_LIMIT_MILLIS) {
        reporter.report(Message.ESTIMATED_OVER_LAMBDA_LIMIT, method, action, value, estimated);
      }
    }

    RateLimit rateLimit = rateLimit(method, action, "rateLimit");
    RateLimit tenantRateLimit = rateLimit(method, action, "tenantRateLimit");
    ok &= rateLimit != INVALID && tenantRateLimit != INVALID;
    if (rateLimit != null && tenantRateLimit != null && rateLimit != INVALID && tenantRateLimit != INVALID
        && stricter(tenantRateLimit, rateLimit)) {
      reporter.report(Message.TENANT_RATE_LIMIT_BELOW_USER, method, action,
          Annotations.explicitValue(action, "tenantRateLimit"), tenantRateLimit, rateLimit);
    }

    boolean async = estimatedMillis > thresholdMillis;
    boolean isolated = annotations.bool(action, "isolated");
    if (isolated && !async && estimatedMillis >= 0) {
      reporter.report(Message.ISOLATED_NOT_ASYNC, method, action, Annotations.explicitValue(action, "isolated"),
          display, estimated, thresholdMillis);
      ok = false;
    } else if (isolated && estimatedMillis == -1 && estimated.isEmpty()) {
      reporter.report(Message.ISOLATED_WITHOUT_ESTIMATE, method, action,
          Annotations.explicitValue(action, "isolated"), display, thresholdMillis);
      ok = false;
    }

    Params params = params(method, display);
    ok &= params.ok;
    boolean unresolved = params.unresolved;
    String queueWhen = null;
    if (params.payload != null) {
      Outcome payload = recordsOf(List.of(params.payload));
      reporter.addAll(payload.problems);
      ok &= payload.ok();
      unresolved |= payload.unresolved;
      if (payload.ok()) {
        queueWhen = catalog.info(params.payload).model().queueWhen();
        if (isolated && queueWhen != null) {
          reporter.report(Message.ISOLATED_QUEUE_WHEN, method, action, Annotations.explicitValue(action, "isolated"),
              display, params.payload.simpleName() + "." + queueWhen + "()");
        }
      }
    }

    Outcome resultOutcome = new Outcome();
    ResultModel result = result(method, display, resultOutcome);
    reporter.addAll(resultOutcome.problems);
    unresolved |= resultOutcome.unresolved;
    ok &= result != null;

    if (!ok) {
      return new Read(null, unresolved);
    }
    ActionModel model = new ActionModel(name, method.getSimpleName().toString(), ClassName.get(handler),
        params.payload, params.kinds, result, estimatedMillis, async, isolated,
        annotations.string(action, "description"), queueWhen, rateLimit, tenantRateLimit, method);
    return new Read(model, unresolved);
  }

  /** Marks an attribute that was reported; never reaches the model. */
  private static final RateLimit INVALID = RateLimit.of(1, 1);

  /** The attribute parsed, null when absent, {@link #INVALID} when reported. */
  private RateLimit rateLimit(ExecutableElement method, AnnotationMirror action, String attribute) {
    String text = annotations.string(action, attribute);
    if (text.isEmpty()) {
      return null;
    }
    RateLimit.Problem problem = RateLimit.problem(text);
    if (problem == null) {
      return RateLimit.parse(text);
    }
    Message message = switch (problem) {
      case SYNTAX -> Message.INVALID_RATE_LIMIT;
      case LIMIT -> Message.RATE_LIMIT_OUT_OF_RANGE;
      case WINDOW -> Message.RATE_LIMIT_WINDOW_OUT_OF_RANGE;
    };
    reporter.report(message, method, action, Annotations.explicitValue(action, attribute), attribute, text);
    return INVALID;
  }

  /**
   * Whether the per-user limit can never apply: the tenant allows no more requests than one user in a window at
   * least as long ({@code 10/1h} for the tenant, {@code 20/1m} per user).
   */
  private static boolean stricter(RateLimit tenant, RateLimit user) {
    return tenant.limit() <= user.limit() && tenant.window().compareTo(user.window()) >= 0;
  }

  private boolean checkModifiers(ExecutableElement method, AnnotationMirror action, String display) {
    Set<Modifier> modifiers = method.getModifiers();
    boolean ok = true;
    if (!modifiers.contains(Modifier.PUBLIC)) {
      reporter.report(Message.ACTION_NOT_PUBLIC, method, action, null, display);
      ok = false;
    }
    if (modifiers.contains(Modifier.STATIC)) {
      reporter.report(Message.ACTION_STATIC, method, action, null, display);
      ok = false;
    }
    if (modifiers.contains(Modifier.ABSTRACT)) {
      reporter.report(Message.ACTION_ABSTRACT, method, action, null, display);
      ok = false;
    }
    if (!method.getTypeParameters().isEmpty()) {
      reporter.report(Message.ACTION_GENERIC, method, action, null, display);
      ok = false;
    }
    return ok;
  }

  /** The parameters, in declared order. */
  private static final class Params {
    final List<ParamKind> kinds = new ArrayList<>();
    ClassName payload;
    boolean ok = true;
    boolean unresolved;
  }

  private Params params(ExecutableElement method, String display) {
    Params params = new Params();
    VariableElement payloadParam = null;
    for (VariableElement param : method.getParameters()) {
      TypeMirror type = param.asType();
      String where = "parameter " + param.getSimpleName() + " of " + display;
      if (type.getKind() == TypeKind.ERROR) {
        reporter.report(Message.UNRESOLVED_TYPE, param, type, where);
        params.unresolved = true;
        params.ok = false;
        continue;
      }
      TypeElement element = type.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) type).asElement() : null;
      String qualified = element == null ? "" : element.getQualifiedName().toString();
      if (qualified.equals(Annotations.PROGRESS) || qualified.equals(Annotations.REQUEST_CONTEXT)
          || qualified.equals(Annotations.NOTIFIER)) {
        ParamKind kind = qualified.equals(Annotations.PROGRESS) ? ParamKind.PROGRESS
            : qualified.equals(Annotations.NOTIFIER) ? ParamKind.NOTIFIER : ParamKind.CONTEXT;
        if (params.kinds.contains(kind)) {
          reporter.report(Message.DUPLICATE_SPECIAL_PARAMETER, param, display, element.getSimpleName());
          params.ok = false;
        }
        params.kinds.add(kind);
      } else if (element != null && element.getKind() == ElementKind.RECORD && element.getTypeParameters().isEmpty()) {
        if (payloadParam != null) {
          reporter.report(Message.DUPLICATE_PAYLOAD, param, display, payloadParam.getSimpleName(), param.getSimpleName());
          params.ok = false;
          continue;
        }
        if (!Access.visibleFrom(element, appPackage, elements)) {
          reporter.report(Message.NOT_ACCESSIBLE, param, element.getQualifiedName(), packageText());
          params.ok = false;
        }
        payloadParam = param;
        Outcome out = new Outcome();
        TypeRef ref = catalog.type(type, param, where, out);
        reporter.addAll(out.problems);
        if (ref instanceof TypeRef.RecordRef record) {
          params.payload = record.name();
          params.kinds.add(ParamKind.PAYLOAD);
        } else {
          params.ok = false;
        }
      } else if (element != null && element.getKind() == ElementKind.RECORD) {
        reporter.report(Message.GENERIC_PAYLOAD, param, element.getQualifiedName(), display);
        params.ok = false;
      } else {
        reporter.report(Message.UNSUPPORTED_PARAMETER, param, type, display);
        params.ok = false;
      }
    }
    return params;
  }

  /** Problems of every record reachable from {@code roots}. */
  Outcome recordsOf(List<ClassName> roots) {
    Outcome all = new Outcome();
    for (ClassName record : catalog.reachable(roots)) {
      Outcome out = catalog.info(record).outcome();
      all.problems.addAll(out.problems);
      all.unresolved |= out.unresolved;
      all.unsupported |= out.unsupported;
    }
    return all;
  }

  /** The result model, or null when the return type is unusable (reported in {@code out}). */
  private ResultModel result(ExecutableElement method, String display, Outcome out) {
    TypeMirror type = method.getReturnType();
    switch (type.getKind()) {
      case VOID:
        return new ResultModel(ResultModel.Kind.VOID, VOID, null);
      case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE:
        return new ResultModel(ResultModel.Kind.ANY, TypeName.get(type).box(), null);
      case DECLARED, ARRAY:
        break;
      case ERROR:
        out.unresolved = true;
        out.problems.report(Message.UNRESOLVED_TYPE, method, type, "the return type of " + display);
        return null;
      default:
        out.problems.report(Message.UNSUPPORTED_RETURN, method, type, display);
        return null;
    }
    if (!resolved(type, method, display, out)) {
      return null;
    }
    if (!visible(type)) {
      out.problems.report(Message.NOT_ACCESSIBLE, method, type, packageText());
      return null;
    }
    TypeName javaType = TypeName.get(type);
    Outcome codec = new Outcome();
    TypeRef ref = catalog.type(type, method, "the return type of " + display, codec);
    if (ref != null && codec.ok()) {
      Set<ClassName> records = new LinkedHashSet<>();
      RecordCatalog.collectRecords(ref, records);
      Set<ClassName> enums = new LinkedHashSet<>();
      RecordCatalog.collectEnums(ref, enums);
      boolean generatedCodecs = !records.isEmpty() || !enums.isEmpty();
      if (generatedCodecs && recordsOf(List.copyOf(records)).ok()) {
        return new ResultModel(ResultModel.Kind.CODEC, javaType, ref);
      }
    }
    return new ResultModel(ResultModel.Kind.ANY, javaType, null); // documented databind fallback
  }

  /** No error type anywhere in {@code type}; type variables are unsupported (wildcard arguments are fine). */
  private boolean resolved(TypeMirror type, ExecutableElement method, String display, Outcome out) {
    switch (type.getKind()) {
      case ERROR:
        out.unresolved = true;
        out.problems.report(Message.UNRESOLVED_TYPE, method, type, "the return type of " + display);
        return false;
      case TYPEVAR, INTERSECTION, UNION:
        out.problems.report(Message.UNSUPPORTED_RETURN, method, method.getReturnType(), display);
        return false;
      case WILDCARD: {
        WildcardType wildcard = (WildcardType) type;
        TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
        return bound == null || resolved(bound, method, display, out);
      }
      case ARRAY:
        return resolved(((ArrayType) type).getComponentType(), method, display, out);
      case DECLARED:
        for (TypeMirror arg : ((DeclaredType) type).getTypeArguments()) {
          if (!resolved(arg, method, display, out)) {
            return false;
          }
        }
        return true;
      default:
        return true;
    }
  }

  private boolean visible(TypeMirror type) {
    if (type.getKind() == TypeKind.WILDCARD) {
      WildcardType wildcard = (WildcardType) type;
      TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
      return bound == null || visible(bound);
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return visible(((ArrayType) type).getComponentType());
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return true;
    }
    DeclaredType declared = (DeclaredType) type;
    if (!Access.visibleFrom((TypeElement) declared.asElement(), appPackage, elements)) {
      return false;
    }
    return declared.getTypeArguments().stream().allMatch(this::visible);
  }

  private String packageText() {
    return appPackage.isEmpty() ? "(unnamed)" : appPackage;
  }
}
