package dev.streamer.processor.read;

import dev.streamer.processor.diag.Message;
import dev.streamer.processor.diag.Reporter;
import dev.streamer.processor.model.ConstraintKind;
import dev.streamer.processor.model.ConstraintModel;
import dev.streamer.processor.model.ElementModel;
import dev.streamer.processor.model.PrimitiveKind;
import dev.streamer.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads the constraints of one record component: Streamer's own annotations, and jakarta.validation's by name.
 * Jakarta constraints cannot target a record component, so javac puts them on the accessor, the field, the canonical
 * constructor's parameter and (TYPE_USE) the component's type: all of these are read, de-duplicated by name.
 */
final class ConstraintReader {

  /**
   * The constraints of a component, sorted by kind, whether {@code @Valid} cascades into it, and the constraints on
   * its type arguments.
   */
  record Read(List<ConstraintModel> constraints, boolean cascade, ElementModel elements) {}

  private final Annotations annotations;

  ConstraintReader(Annotations annotations) {
    this.annotations = annotations;
  }

  /** Reads the constraints of {@code component}; problems are reported on {@code position}. */
  Read read(TypeElement record, RecordComponentElement component, Element position, TypeRef type, Reporter problems) {
    List<ConstraintModel> constraints = new ArrayList<>();
    boolean cascade = false;
    String componentName = record.getSimpleName() + "." + component.getSimpleName();
    for (Map.Entry<String, AnnotationMirror> e : mirrors(record, component).entrySet()) {
      String qualified = e.getKey();
      AnnotationMirror mirror = e.getValue();
      String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
      if (qualified.equals(Annotations.VALID) || qualified.equals(Annotations.JAKARTA_VALID)) {
        if (cascadable(type)) {
          cascade = true;
        } else {
          problems.report(Message.CONSTRAINT_WRONG_TYPE, position, mirror, null, "Valid", TypeDisplay.of(type),
              componentName, "records, and List, Set, array, Optional and Map values of records");
        }
        continue;
      }
      ConstraintKind kind = ConstraintKind.bySimpleName(simple);
      if (kind == null) {
        problems.report(Message.UNSUPPORTED_CONSTRAINT, position, mirror, null, simple, componentName);
        continue;
      }
      String appliesTo = appliesTo(kind, type);
      if (appliesTo != null) {
        problems.report(Message.CONSTRAINT_WRONG_TYPE, position, mirror, null, simple, TypeDisplay.of(type),
            componentName, appliesTo);
        continue;
      }
      ConstraintModel constraint = constraint(kind, mirror, position, componentName, problems);
      if (constraint != null) {
        constraints.add(constraint);
      }
    }
    Elements elements = new Elements();
    ElementModel valueConstraints = elements(component.asType(), type, position, componentName, problems, elements);
    if (elements.valid && cascadable(type)) {
      cascade = true;
    }
    constraints.sort(Comparator.comparing(ConstraintModel::kind));
    return new Read(constraints, cascade, valueConstraints);
  }

  private ConstraintModel constraint(
      ConstraintKind kind, AnnotationMirror mirror, Element component, String componentName, Reporter problems) {
    String template = annotations.string(mirror, "message");
    String message = MessageTemplates.isBundleKey(template) ? "" : template; // a bundle key: Streamer's default text
    switch (kind) {
      case SIZE: {
        int min = (int) annotations.number(mirror, "min", 0);
        int max = (int) annotations.number(mirror, "max", Integer.MAX_VALUE);
        if (min < 0 || max < min) {
          AnnotationValue culprit = Annotations.explicitValue(mirror, min < 0 ? "min" : "max");
          problems.report(Message.INVALID_SIZE, component, mirror, culprit, componentName, min, max);
          return null;
        }
        return ConstraintModel.size(
            MessageTemplates.interpolate(message, Map.of("min", Integer.toString(min), "max", Integer.toString(max))),
            min, max);
      }
      case MIN:
      case MAX:
      {
        long value = annotations.number(mirror, "value", 0);
        return ConstraintModel.bound(kind, MessageTemplates.interpolate(message, Map.of("value", Long.toString(value))),
            value);
      }
      case PATTERN: {
        String regexp = annotations.string(mirror, "regexp");
        int flags = 0;
        for (String flag : annotations.enumNames(mirror, "flags")) {
          flags |= RegexFlags.valueOf(flag);
        }
        try {
          Pattern.compile(regexp, flags);
        } catch (PatternSyntaxException e) {
          problems.report(Message.INVALID_PATTERN, component, mirror, Annotations.explicitValue(mirror, "regexp"),
              componentName, e.getDescription() + " near index " + e.getIndex() + " of \"" + regexp + "\"");
          return null;
        }
        return ConstraintModel.pattern(MessageTemplates.interpolate(message, Map.of("regexp", regexp)), regexp, flags);
      }
      default:
        return ConstraintModel.of(kind, MessageTemplates.interpolate(message, Map.of()));
    }
  }

  /** Null when {@code kind} applies to {@code type}, else what it applies to. */
  private static String appliesTo(ConstraintKind kind, TypeRef type) {
    boolean ok;
    String what;
    switch (kind) {
      case NOT_NULL -> {
        ok = !type.isPrimitive();
        what = "reference types (not primitives)";
      }
      case NOT_BLANK, PATTERN, EMAIL -> {
        ok = type instanceof TypeRef.Text;
        what = "String";
      }
      case NOT_EMPTY, SIZE -> {
        ok = type instanceof TypeRef.Text || type instanceof TypeRef.ListRef || type instanceof TypeRef.SetRef
            || type instanceof TypeRef.MapRef || type instanceof TypeRef.ArrayRef;
        what = "String, List, Set, Map and arrays";
      }
      case MIN, MAX -> {
        ok = integral(type) || bigNumber(type);
        what = "byte, short, int, long, their boxes, BigDecimal and BigInteger";
      }
      case POSITIVE, POSITIVE_OR_ZERO -> {
        ok = numeric(type) || bigNumber(type);
        what = "numeric primitives, their boxes, BigDecimal and BigInteger";
      }
      case PAST, FUTURE -> {
        ok = type instanceof TypeRef.Scalar s && s.kind().isTemporal();
        what = "Instant, LocalDate and OffsetDateTime";
      }
      default -> throw new IllegalStateException("unknown constraint " + kind);
    }
    return ok ? null : what;
  }

  private static PrimitiveKind primitiveOrBox(TypeRef type) {
    if (type instanceof TypeRef.Primitive p) {
      return p.kind();
    }
    return type instanceof TypeRef.Box b ? b.kind() : null;
  }

  private static boolean integral(TypeRef type) {
    PrimitiveKind kind = primitiveOrBox(type);
    return kind != null && kind.isIntegral();
  }

  private static boolean numeric(TypeRef type) {
    PrimitiveKind kind = primitiveOrBox(type);
    return kind != null && kind.isNumeric();
  }

  private static boolean bigNumber(TypeRef type) {
    return type instanceof TypeRef.Scalar s && s.kind().isBigNumber();
  }

  /** A record, or a container whose innermost values are records. */
  static boolean cascadable(TypeRef type) {
    if (type instanceof TypeRef.RecordRef) {
      return true;
    } else if (type instanceof TypeRef.ListRef l) {
      return cascadable(l.element());
    } else if (type instanceof TypeRef.SetRef s) {
      return cascadable(s.element());
    } else if (type instanceof TypeRef.MapRef m) {
      return cascadable(m.value());
    } else if (type instanceof TypeRef.OptionalRef o) {
      return cascadable(o.value());
    } else if (type instanceof TypeRef.ArrayRef a) {
      return cascadable(a.component());
    }
    return false;
  }

  /** Relevant annotations on the component and on everything javac propagates them to, first occurrence wins. */
  private static Map<String, AnnotationMirror> mirrors(TypeElement record, RecordComponentElement component) {
    // the field first: javac can place a diagnostic on its annotations (not on a record component's)
    List<AnnotationMirror> all = new ArrayList<>();
    for (Element member : record.getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD && member.getSimpleName().equals(component.getSimpleName())) {
        all.addAll(member.getAnnotationMirrors());
        all.addAll(member.asType().getAnnotationMirrors());
      }
    }
    all.addAll(component.getAnnotationMirrors());
    all.addAll(component.asType().getAnnotationMirrors());
    ExecutableElement accessor = component.getAccessor();
    if (accessor != null) {
      all.addAll(accessor.getAnnotationMirrors());
      all.addAll(accessor.getReturnType().getAnnotationMirrors());
    }
    int index = record.getRecordComponents().indexOf(component);
    for (Element member : record.getEnclosedElements()) {
      if (member.getKind() == ElementKind.CONSTRUCTOR) {
        List<? extends VariableElement> params = ((ExecutableElement) member).getParameters();
        if (params.size() == record.getRecordComponents().size()
            && params.get(index).getSimpleName().equals(component.getSimpleName())) {
          all.addAll(params.get(index).getAnnotationMirrors());
        }
      }
    }
    Map<String, AnnotationMirror> relevant = new LinkedHashMap<>();
    for (AnnotationMirror mirror : all) {
      String name = Annotations.typeName(mirror);
      if (name != null && isConstraintName(name)) {
        relevant.putIfAbsent(name, mirror);
      }
    }
    return relevant;
  }

  private static boolean isConstraintName(String name) {
    if (name.equals(Annotations.VALID) || name.equals(Annotations.JAKARTA_VALID)) {
      return true;
    }
    if (name.startsWith(Annotations.PACKAGE + ".")) {
      return ConstraintKind.bySimpleName(name.substring(Annotations.PACKAGE.length() + 1)) != null;
    }
    return name.startsWith(Annotations.JAKARTA_CONSTRAINTS + ".")
        && name.indexOf('.', Annotations.JAKARTA_CONSTRAINTS.length() + 1) < 0;
  }

  /** What the type arguments carry besides constraints: whether one has {@code @Valid}. */
  private static final class Elements {
    boolean valid;
  }

  /**
   * Constraints on the type argument of a {@code List}, {@code Set} or {@code Optional}, or on the value type of a
   * {@code Map} ({@code List<@NotNull @Valid Item>}), level by level; {@code @Valid} there cascades like on the
   * component. Constraints on a {@code Map} key are reported: keys are JSON field names, always strings.
   */
  private ElementModel elements(
      TypeMirror type, TypeRef ref, Element component, String componentName, Reporter problems, Elements found) {
    if (type.getKind() != TypeKind.DECLARED) {
      return ElementModel.NONE; // arrays: an annotation before `int[]` is the component's, not the elements'
    }
    List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
    TypeMirror valueType;
    TypeRef valueRef;
    if (ref instanceof TypeRef.ListRef l && args.size() == 1) {
      valueType = args.get(0);
      valueRef = l.element();
    } else if (ref instanceof TypeRef.SetRef s && args.size() == 1) {
      valueType = args.get(0);
      valueRef = s.element();
    } else if (ref instanceof TypeRef.OptionalRef o && args.size() == 1) {
      valueType = args.get(0);
      valueRef = o.value();
    } else if (ref instanceof TypeRef.MapRef m && args.size() == 2) {
      for (AnnotationMirror mirror : args.get(0).getAnnotationMirrors()) {
        String name = Annotations.typeName(mirror);
        if (name != null && isConstraintName(name)) {
          problems.report(Message.CONTAINER_CONSTRAINT, component, mirror, null,
              name.substring(name.lastIndexOf('.') + 1), componentName);
        }
      }
      valueType = args.get(1);
      valueRef = m.value();
    } else {
      return ElementModel.NONE;
    }
    List<ConstraintModel> constraints = new ArrayList<>();
    String where = "values of " + componentName;
    for (AnnotationMirror mirror : valueType.getAnnotationMirrors()) {
      String name = Annotations.typeName(mirror);
      if (name == null || !isConstraintName(name)) {
        continue;
      }
      String simple = name.substring(name.lastIndexOf('.') + 1);
      if (name.equals(Annotations.VALID) || name.equals(Annotations.JAKARTA_VALID)) {
        if (cascadable(valueRef)) {
          found.valid = true;
        } else {
          problems.report(Message.CONSTRAINT_WRONG_TYPE, component, mirror, null, "Valid", TypeDisplay.of(valueRef),
              where, "records, and List, Set, array, Optional and Map values of records");
        }
        continue;
      }
      ConstraintKind kind = ConstraintKind.bySimpleName(simple);
      if (kind == null) {
        problems.report(Message.UNSUPPORTED_CONSTRAINT, component, mirror, null, simple, where);
        continue;
      }
      String appliesTo = appliesTo(kind, valueRef);
      if (appliesTo != null) {
        problems.report(Message.CONSTRAINT_WRONG_TYPE, component, mirror, null, simple, TypeDisplay.of(valueRef),
            where, appliesTo);
        continue;
      }
      ConstraintModel constraint = constraint(kind, mirror, component, where, problems);
      if (constraint != null && constraints.stream().noneMatch(c -> c.kind() == kind)) {
        constraints.add(constraint);
      }
    }
    constraints.sort(Comparator.comparing(ConstraintModel::kind));
    ElementModel inner = elements(valueType, valueRef, component, componentName, problems, found);
    return constraints.isEmpty() && inner.isEmpty() ? ElementModel.NONE : new ElementModel(constraints, inner);
  }
}
