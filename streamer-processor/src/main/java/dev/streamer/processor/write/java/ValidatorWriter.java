package dev.streamer.processor.write.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.streamer.processor.model.AppModel;
import dev.streamer.processor.model.ComponentModel;
import dev.streamer.processor.model.ConstraintKind;
import dev.streamer.processor.model.ConstraintModel;
import dev.streamer.processor.model.ElementModel;
import dev.streamer.processor.model.Naming;
import dev.streamer.processor.model.PrimitiveKind;
import dev.streamer.processor.model.RecordModel;
import dev.streamer.processor.model.TypeRef;
import dev.streamer.processor.read.RegexFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Record>Validator}: every constraint checked in component order, every violation reported with its
 * path, {@code @Valid} cascading into nested records and the elements of containers.
 */
public final class ValidatorWriter {

  private final AppModel app;
  private final RecordModel record;
  private final TypeSpec.Builder type;
  private final NameAllocator fields;
  private final NameAllocator methodLocals;
  /** Names in the current block: a copy of the method's, so sibling blocks can reuse {@code i}, {@code item}. */
  private NameAllocator locals;

  private ValidatorWriter(AppModel app, RecordModel record, Hygiene hygiene) {
    this.app = app;
    this.record = record;
    this.fields = hygiene.allocator();
    this.methodLocals = hygiene.allocator();
    this.locals = methodLocals;
    ClassName validator = Naming.validator(record.name());
    this.type = TypeSpec.classBuilder(validator)
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(Names.VALIDATOR, record.name()))
        .addJavadoc("Validator of record {@link $T}.\n\n<p>Generated from its component constraints: reports"
            + " every violation with its\npath, constraint and message. No reflection.\n", record.name())
        .addOriginatingElement(record.element())
        .addField(FieldSpec.builder(validator, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", validator)
            .build());
    fields.newName("INSTANCE");
    for (String reserved : List.of("value", "path", "out", "clock")) {
      methodLocals.newName(reserved);
    }
  }

  public static TypeSpec write(AppModel app, RecordModel record, Hygiene hygiene) {
    return new ValidatorWriter(app, record, hygiene).build();
  }

  private TypeSpec build() {
    MethodSpec.Builder validate = MethodSpec.methodBuilder("validate")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(record.name(), "value")
        .addParameter(Names.PATH, "path")
        .addParameter(Names.VIOLATIONS, "out");
    if (usesClock()) {
      validate.addStatement("$T clock = $T.clock()", Names.CLOCK, Names.CONSTRAINTS);
    }
    for (ComponentModel component : record.components()) {
      boolean walks = needs(component.type(), component.elements(), component.cascade());
      if (component.constraints().isEmpty() && !walks) {
        continue;
      }
      String var = methodLocals.newName(component.name());
      validate.addStatement("$T $N = value.$N()", Types.of(component.type()), var, component.name());
      for (ConstraintModel constraint : component.constraints()) {
        validate.addCode(check(component, constraint, var));
      }
      if (walks) {
        locals = methodLocals.clone();
        String pathVar = locals.newName(component.name() + "Path");
        validate.addCode(CodeBlock.builder()
            .beginControlFlow("if ($N != null)", var)
            .addStatement("$T $N = path.field($S)", Names.PATH, pathVar, component.name())
            .add(walk(component.type(), component.elements(), component.cascade(), CodeBlock.of("$N", var), pathVar,
                component.name()))
            .endControlFlow()
            .build());
        locals = methodLocals;
      }
    }
    return type
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(validate.build())
        .build();
  }

  private boolean usesClock() {
    for (ComponentModel component : record.components()) {
      List<ConstraintModel> all = new ArrayList<>(component.constraints());
      for (ElementModel e = component.elements(); !e.isEmpty(); e = e.elements()) {
        all.addAll(e.constraints());
      }
      if (all.stream().anyMatch(c -> c.kind() == ConstraintKind.PAST || c.kind() == ConstraintKind.FUTURE)) {
        return true;
      }
    }
    return false;
  }

  /** Whether walking into {@code type} can find anything: constraints on its values, or a record to cascade into. */
  private boolean needs(TypeRef type, ElementModel elements, boolean cascade) {
    return !elements.isEmpty() || (cascade && cascades(type));
  }

  /** Whether validating {@code type} can find anything: it holds a record that has a validator. */
  private boolean cascades(TypeRef type) {
    if (type instanceof TypeRef.RecordRef r) {
      return app.validated(r.name());
    } else if (type instanceof TypeRef.ListRef l) {
      return cascades(l.element());
    } else if (type instanceof TypeRef.SetRef s) {
      return cascades(s.element());
    } else if (type instanceof TypeRef.MapRef m) {
      return cascades(m.value());
    } else if (type instanceof TypeRef.OptionalRef o) {
      return cascades(o.value());
    } else if (type instanceof TypeRef.ArrayRef a) {
      return cascades(a.component());
    }
    return false;
  }

  /**
   * Validates {@code value} (an expression of {@code type}, never null here) at path variable {@code path}: the
   * constraints on its values ({@code elements}) and, with {@code cascade}, the records it holds.
   */
  private CodeBlock walk(TypeRef type, ElementModel elements, boolean cascade, CodeBlock value, String path,
      String hint) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (type instanceof TypeRef.RecordRef r) {
      if (cascade && app.validated(r.name())) {
        code.addStatement("$T.INSTANCE.validate($L, $N, out)", Naming.validator(r.name()), value, path);
      }
    } else if (type instanceof TypeRef.ListRef || type instanceof TypeRef.SetRef) {
      TypeRef element = type instanceof TypeRef.ListRef l ? l.element() : ((TypeRef.SetRef) type).element();
      String index = locals.newName("i");
      String item = locals.newName("item");
      code.addStatement("int $N = 0", index)
          .beginControlFlow("for ($T $N : $L)", Types.of(element), item, value)
          .add(element(element, elements, cascade, item, CodeBlock.of("$N.index($N)", path, index), hint))
          .addStatement("$N++", index)
          .endControlFlow();
    } else if (type instanceof TypeRef.ArrayRef a) {
      String index = locals.newName("i");
      String item = locals.newName("item");
      code.beginControlFlow("for (int $N = 0; $N < $L.length; $N++)", index, index, value, index)
          .addStatement("$T $N = $L[$N]", Types.of(a.component()), item, value, index)
          .add(element(a.component(), elements, cascade, item, CodeBlock.of("$N.index($N)", path, index), hint))
          .endControlFlow();
    } else if (type instanceof TypeRef.MapRef m) {
      String entry = locals.newName("entry");
      TypeName entryType = ParameterizedTypeName.get(Names.MAP.nestedClass("Entry"), Names.STRING, Types.of(m.value()));
      String item = locals.newName("item");
      code.beginControlFlow("for ($T $N : $L.entrySet())", entryType, entry, value)
          .addStatement("$T $N = $N.getValue()", Types.of(m.value()), item, entry)
          .add(element(m.value(), elements, cascade, item, CodeBlock.of("$N.key($N.getKey())", path, entry), hint))
          .endControlFlow();
    } else if (type instanceof TypeRef.OptionalRef o) {
      String item = locals.newName("item");
      code.beginControlFlow("if ($L.isPresent())", value)
          .addStatement("$T $N = $L.get()", Types.of(o.value()), item, value)
          .add(checks(o.value(), elements, item, CodeBlock.of("$N", path), hint)) // never null: no guard
          .add(walk(o.value(), elements.elements(), cascade, CodeBlock.of("$N", item), path, hint + "Values"))
          .endControlFlow();
    }
    return code.build();
  }

  /**
   * Checks a container value {@code item} at the path expression {@code path} (evaluated only for a violation or
   * to go further in), then walks into it when it is not null.
   */
  private CodeBlock element(TypeRef type, ElementModel elements, boolean cascade, String item, CodeBlock path,
      String hint) {
    CodeBlock.Builder code = checks(type, elements, item, path, hint).toBuilder();
    if (needs(type, elements.elements(), cascade)) {
      String elementPath = locals.newName(item + "Path");
      code.beginControlFlow("if ($N != null)", item)
          .addStatement("$T $N = $L", Names.PATH, elementPath, path)
          .add(walk(type, elements.elements(), cascade, CodeBlock.of("$N", item), elementPath, hint + "Values"))
          .endControlFlow();
    }
    return code.build();
  }

  /** The constraints on container value {@code item}; its path expression is evaluated only for a violation. */
  private CodeBlock checks(TypeRef type, ElementModel elements, String item, CodeBlock path, String hint) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (ConstraintModel constraint : elements.constraints()) {
      CodeBlock failed = failed(type, constraint, item, hint + "Values", null);
      if (failed != null) {
        code.beginControlFlow("if ($L)", failed)
            .addStatement("out.add($L.toString(), $S, $L)", path, constraint.kind().simpleName(), message(constraint))
            .endControlFlow();
      }
    }
    return code.build();
  }

  private CodeBlock check(ComponentModel component, ConstraintModel constraint, String var) {
    TypeRef type = component.type();
    CodeBlock failed = failed(type, constraint, var, var, costly(constraint) ? sizeFits(component, var) : null);
    if (failed == null) {
      return CodeBlock.of("");
    }
    return CodeBlock.builder()
        .beginControlFlow("if ($L)", failed)
        .addStatement("out.add(path.fieldText($S), $S, $L)", component.name(), constraint.kind().simpleName(),
            message(constraint))
        .endControlFlow()
        .build();
  }

  /**
   * The condition under which {@code var} breaks {@code constraint}; null when it never can. {@code hint} names the
   * generated members the check needs; {@code fits}, when not null, must hold before the check runs.
   */
  private CodeBlock failed(TypeRef type, ConstraintModel c, String var, String hint, CodeBlock fits) {
    boolean primitive = type.isPrimitive();
    String notNull = primitive ? "" : var + " != null && " + (fits == null ? "" : fits + " && ");
    switch (c.kind()) {
      case NOT_NULL:
        return CodeBlock.of("$N == null", var);
      case NOT_BLANK:
        return CodeBlock.of("$N == null || $T.isBlank($N)", var, Names.CONSTRAINTS, var);
      case NOT_EMPTY:
        return type instanceof TypeRef.ArrayRef
            ? CodeBlock.of("$N == null || $N.length == 0", var, var)
            : CodeBlock.of("$N == null || $N.isEmpty()", var, var);
      case SIZE: {
        CodeBlock size = size(type, var);
        if (c.min() <= 0 && c.max() == Integer.MAX_VALUE) {
          return null; // @Size with default bounds
        }
        if (c.min() <= 0) {
          return CodeBlock.of("$L$L > $L", notNull, size, c.max());
        }
        if (c.max() == Integer.MAX_VALUE) {
          return CodeBlock.of("$L$L < $L", notNull, size, c.min());
        }
        return CodeBlock.of("$L($L < $L || $L > $L)", notNull, size, c.min(), size, c.max());
      }
      case MIN:
        return bigNumber(type)
            ? CodeBlock.of("$L$T.compare($N, $LL) < 0", notNull, Names.CONSTRAINTS, var, c.value())
            : CodeBlock.of("$L$N < $LL", notNull, var, c.value());
      case MAX:
        return bigNumber(type)
            ? CodeBlock.of("$L$T.compare($N, $LL) > 0", notNull, Names.CONSTRAINTS, var, c.value())
            : CodeBlock.of("$L$N > $LL", notNull, var, c.value());
      case POSITIVE:
        if (bigNumber(type)) {
          return CodeBlock.of("$L$N.signum() <= 0", notNull, var);
        }
        return floating(type) ? CodeBlock.of("$L!($N > 0)", notNull, var) : CodeBlock.of("$L$N <= 0", notNull, var);
      case POSITIVE_OR_ZERO:
        if (bigNumber(type)) {
          return CodeBlock.of("$L$N.signum() < 0", notNull, var);
        }
        return floating(type) ? CodeBlock.of("$L!($N >= 0)", notNull, var) : CodeBlock.of("$L$N < 0", notNull, var);
      case PATTERN: {
        Optional<SimpleRegex> simple = SimpleRegex.parse(c.regexp(), c.flags());
        if (simple.isPresent()) {
          String matcher = fields.newName(hint + "Matches");
          this.type.addMethod(PatternLoopWriter.method(matcher, c.regexp(), simple.get()));
          return CodeBlock.of("$L!$N($N)", notNull, matcher, var);
        }
        return CodeBlock.of("$L!$T.matches($N, $N)", notNull, Names.CONSTRAINTS, pattern(c, hint), var);
      }
      case EMAIL:
        return CodeBlock.of("$L!$T.isEmail($N)", notNull, Names.CONSTRAINTS, var);
      case PAST:
        return CodeBlock.of("$L!$T.isPast($N, clock)", notNull, Names.CONSTRAINTS, var);
      case FUTURE:
        return CodeBlock.of("$L!$T.isFuture($N, clock)", notNull, Names.CONSTRAINTS, var);
      default:
        throw new IllegalStateException("unknown constraint " + c.kind());
    }
  }

  /** Checks whose cost grows with the text: skipped when the text already broke its {@code @Size} (issue 10). */
  private static boolean costly(ConstraintModel c) {
    return c.kind() == ConstraintKind.PATTERN || c.kind() == ConstraintKind.EMAIL;
  }

  /** The length condition of the component's {@code @Size} on text, or null when there is none. */
  private static CodeBlock sizeFits(ComponentModel component, String var) {
    if (!(component.type() instanceof TypeRef.Text)) {
      return null;
    }
    for (ConstraintModel size : component.constraints()) {
      if (size.kind() != ConstraintKind.SIZE || (size.min() <= 0 && size.max() == Integer.MAX_VALUE)) {
        continue;
      }
      CodeBlock length = CodeBlock.of("$N.length()", var);
      return size.min() <= 0 ? CodeBlock.of("$L <= $L", length, size.max())
          : size.max() == Integer.MAX_VALUE ? CodeBlock.of("$L >= $L", length, size.min())
          : CodeBlock.of("$L >= $L && $L <= $L", length, size.min(), length, size.max());
    }
    return null;
  }

  private static CodeBlock size(TypeRef type, String var) {
    if (type instanceof TypeRef.Text) {
      return CodeBlock.of("$N.length()", var);
    }
    if (type instanceof TypeRef.ArrayRef) {
      return CodeBlock.of("$N.length", var);
    }
    return CodeBlock.of("$N.size()", var);
  }

  private static boolean bigNumber(TypeRef type) {
    return type instanceof TypeRef.Scalar s && s.kind().isBigNumber();
  }

  private static boolean floating(TypeRef type) {
    PrimitiveKind kind = type instanceof TypeRef.Primitive p ? p.kind()
        : type instanceof TypeRef.Box b ? b.kind() : null;
    return kind == PrimitiveKind.FLOAT || kind == PrimitiveKind.DOUBLE;
  }

  /** A {@code static final Pattern}, compiled once (and already checked at compile time). */
  private String pattern(ConstraintModel c, String hint) {
    String name = fields.newName(JsonCodecWriter.upperSnake(hint) + "_PATTERN");
    CodeBlock flags = CodeBlock.join(RegexFlags.names(c.flags()).stream()
        .map(flag -> CodeBlock.of("$T.$N", Names.REGEX_PATTERN, flag)).toList(), " | ");
    CodeBlock init = c.flags() == 0
        ? CodeBlock.of("$T.compile($S)", Names.REGEX_PATTERN, c.regexp())
        : CodeBlock.of("$T.compile($S, $L)", Names.REGEX_PATTERN, c.regexp(), flags);
    type.addField(FieldSpec.builder(Names.REGEX_PATTERN, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(init)
        .build());
    return name;
  }

  private static CodeBlock message(ConstraintModel c) {
    if (c.hasCustomMessage()) {
      return CodeBlock.of("$S", c.message());
    }
    return switch (c.kind()) {
      case NOT_NULL -> CodeBlock.of("$T.MSG_NOT_NULL", Names.CONSTRAINTS);
      case NOT_BLANK -> CodeBlock.of("$T.MSG_NOT_BLANK", Names.CONSTRAINTS);
      case NOT_EMPTY -> CodeBlock.of("$T.MSG_NOT_EMPTY", Names.CONSTRAINTS);
      case SIZE -> CodeBlock.of("$T.size($L, $L)", Names.CONSTRAINTS, c.min(), c.max());
      case MIN -> CodeBlock.of("$T.min($LL)", Names.CONSTRAINTS, c.value());
      case MAX -> CodeBlock.of("$T.max($LL)", Names.CONSTRAINTS, c.value());
      case POSITIVE -> CodeBlock.of("$T.MSG_POSITIVE", Names.CONSTRAINTS);
      case POSITIVE_OR_ZERO -> CodeBlock.of("$T.MSG_POSITIVE_OR_ZERO", Names.CONSTRAINTS);
      case PATTERN -> CodeBlock.of("$T.pattern($S)", Names.CONSTRAINTS, c.regexp());
      case EMAIL -> CodeBlock.of("$T.MSG_EMAIL", Names.CONSTRAINTS);
      case PAST -> CodeBlock.of("$T.MSG_PAST", Names.CONSTRAINTS);
      case FUTURE -> CodeBlock.of("$T.MSG_FUTURE", Names.CONSTRAINTS);
    };
  }
}
