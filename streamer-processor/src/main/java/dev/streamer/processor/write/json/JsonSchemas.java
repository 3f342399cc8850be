package dev.streamer.processor.write.json;

import static dev.streamer.processor.write.json.JsonObject.of;

import dev.streamer.processor.model.ComponentModel;
import dev.streamer.processor.model.ConstraintKind;
import dev.streamer.processor.model.ConstraintModel;
import dev.streamer.processor.model.ElementModel;
import dev.streamer.processor.model.EnumModel;
import dev.streamer.processor.model.PrimitiveKind;
import dev.streamer.processor.model.RecordModel;
import dev.streamer.processor.model.ResultModel;
import dev.streamer.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON Schema (draft 7, as AsyncAPI 3.0 uses) of the records, enums and results, as the generated codecs read and
 * write them:
 * <ul>
 *   <li>a record is an object with one property per component; nested records and enums are {@code $ref}s to
 *       {@code #/components/schemas/<name>}, so recursive records need nothing special;
 *   <li>a component is {@code required} when it is a primitive (the codec rejects a missing one) or carries
 *       {@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty}; every other component may be absent or null;
 *   <li>constraints become keywords: Size → min/maxLength, min/maxItems or min/maxProperties, Min/Max → minimum/
 *       maximum, Positive → exclusiveMinimum 0, PositiveOrZero → minimum 0, Pattern → an anchored pattern, Email →
 *       format email, NotBlank → minLength 1 and pattern {@code \S}, NotEmpty → a minimum of 1;
 *   <li>constraints on a container's type argument apply to its {@code items} or {@code additionalProperties};
 *   <li>BigDecimal and BigInteger are JSON numbers (the codecs read and write nothing else); UUID and java.time values
 *       are strings with a {@code format}; a {@code char} (and {@code char[]}) is a string.
 * </ul>
 */
public final class JsonSchemas {

  public static final String SCHEMAS = "#/components/schemas/";

  private final ExportedNames names;

  public JsonSchemas(ExportedNames names) {
    this.names = names;
  }

  public JsonObject record(RecordModel record) {
    JsonObject properties = of();
    List<Object> required = new ArrayList<>();
    for (ComponentModel component : record.components()) {
      properties.put(component.name(), component(component));
      if (isRequired(component)) {
        required.add(component.name());
      }
    }
    JsonObject schema = of().put("type", "object").put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    return schema;
  }

  public JsonObject enumeration(EnumModel e) {
    return of().put("type", "string").put("enum", List.copyOf(e.constants()));
  }

  /** The {@code data} of an action's result message. */
  public JsonObject result(ResultModel result) {
    if (ResultTypes.isVoid(result)) {
      return of().put("type", "null");
    }
    Optional<TypeRef> type = ResultTypes.of(result);
    return type.isPresent()
        ? type(type.get())
        : of().put("description", "a " + result.javaType() + ", serialized by Jackson databind");
  }

  /** Present and non-null in every valid payload. */
  public static boolean isRequired(ComponentModel component) {
    return component.type().isPrimitive() || component.constraints().stream().anyMatch(c ->
        c.kind() == ConstraintKind.NOT_NULL || c.kind() == ConstraintKind.NOT_BLANK
            || c.kind() == ConstraintKind.NOT_EMPTY);
  }

  private JsonObject component(ComponentModel component) {
    JsonObject schema = type(component.type());
    for (ConstraintModel constraint : component.constraints()) {
      constrain(schema, constraint);
    }
    constrainValues(schema, component.type(), component.elements());
    return isRequired(component) ? schema : nullable(schema);
  }

  /**
   * Constraints on a container's values ({@code List<@Size(max = 3) String>}) go to its {@code items} or
   * {@code additionalProperties} schema; an {@code Optional}'s to its own.
   */
  private static void constrainValues(JsonObject schema, TypeRef type, ElementModel elements) {
    if (elements.isEmpty()) {
      return;
    }
    TypeRef inner;
    Object target;
    if (type instanceof TypeRef.ListRef l) {
      inner = l.element();
      target = schema.get("items");
    } else if (type instanceof TypeRef.SetRef s) {
      inner = s.element();
      target = schema.get("items");
    } else if (type instanceof TypeRef.MapRef m) {
      inner = m.value();
      target = schema.get("additionalProperties");
    } else if (type instanceof TypeRef.OptionalRef o) {
      inner = o.value();
      target = schema;
    } else {
      return;
    }
    if (target instanceof JsonObject values) {
      for (ConstraintModel constraint : elements.constraints()) {
        constrain(values, constraint);
      }
      constrainValues(values, inner, elements.elements());
    }
  }

  /** The schema of a value of {@code type}, never null itself (nullability is the component's business). */
  public JsonObject type(TypeRef type) {
    if (type instanceof TypeRef.Primitive p) {
      return primitive(p.kind());
    } else if (type instanceof TypeRef.Box b) {
      return primitive(b.kind());
    } else if (type instanceof TypeRef.Text) {
      return of().put("type", "string");
    } else if (type instanceof TypeRef.Scalar s) {
      return switch (s.kind()) {
        case BIG_DECIMAL -> of().put("type", "number");
        case BIG_INTEGER -> of().put("type", "integer");
        case UUID -> of().put("type", "string").put("format", "uuid");
        case INSTANT, OFFSET_DATE_TIME -> of().put("type", "string").put("format", "date-time");
        case LOCAL_DATE -> of().put("type", "string").put("format", "date");
        case DURATION -> of().put("type", "string").put("format", "duration");
      };
    } else if (type instanceof TypeRef.EnumRef e) {
      return JsonObject.ref(SCHEMAS + names.of(e.name()));
    } else if (type instanceof TypeRef.RecordRef r) {
      return JsonObject.ref(SCHEMAS + names.of(r.name()));
    } else if (type instanceof TypeRef.ListRef l) {
      return of().put("type", "array").put("items", type(l.element()));
    } else if (type instanceof TypeRef.SetRef s) {
      return of().put("type", "array").put("items", type(s.element())).put("uniqueItems", true);
    } else if (type instanceof TypeRef.ArrayRef a) {
      if (a.component() instanceof TypeRef.Primitive p && p.kind() == PrimitiveKind.CHAR) {
        return of().put("type", "string"); // char[] is written as one string
      }
      return of().put("type", "array").put("items", type(a.component()));
    } else if (type instanceof TypeRef.MapRef m) {
      return of().put("type", "object").put("additionalProperties", type(m.value()));
    } else if (type instanceof TypeRef.OptionalRef o) {
      return type(o.value()); // an empty Optional is null or absent: the component is not required
    } else if (type instanceof TypeRef.Any) {
      return of().put("description", "any JSON value");
    }
    throw new IllegalArgumentException("unknown type " + type);
  }

  private static JsonObject primitive(PrimitiveKind kind) {
    return switch (kind) {
      case BOOLEAN -> of().put("type", "boolean");
      case BYTE -> of().put("type", "integer").put("minimum", (long) Byte.MIN_VALUE).put("maximum", (long) Byte.MAX_VALUE);
      case SHORT -> of().put("type", "integer").put("minimum", (long) Short.MIN_VALUE)
          .put("maximum", (long) Short.MAX_VALUE);
      case INT -> of().put("type", "integer").put("format", "int32");
      case LONG -> of().put("type", "integer").put("format", "int64");
      case CHAR -> of().put("type", "string").put("minLength", 1L).put("maxLength", 1L);
      case FLOAT -> of().put("type", "number").put("format", "float");
      case DOUBLE -> of().put("type", "number").put("format", "double");
    };
  }

  /** Adds {@code null} to the accepted values. */
  private static JsonObject nullable(JsonObject schema) {
    Object type = schema.get("type");
    if (type instanceof String single) {
      return schema.put("type", List.of(single, "null"));
    }
    if (schema.has("$ref")) {
      return of().put("oneOf", List.of(schema, of().put("type", "null")));
    }
    return schema; // no type: any value, null included
  }

  private static void constrain(JsonObject schema, ConstraintModel c) {
    String kind = String.valueOf(schema.get("type"));
    switch (c.kind()) {
      case NOT_BLANK -> {
        atLeast(schema, "minLength", 1);
        pattern(schema, "\\S");
      }
      case NOT_EMPTY -> atLeast(schema, sizeKeyword(kind, true), 1);
      case SIZE -> {
        if (c.min() > 0) {
          atLeast(schema, sizeKeyword(kind, true), c.min());
        }
        if (c.max() != Integer.MAX_VALUE) {
          atMost(schema, sizeKeyword(kind, false), c.max());
        }
      }
      case MIN -> atLeast(schema, "minimum", c.value());
      case MAX -> atMost(schema, "maximum", c.value());
      case POSITIVE -> schema.put("exclusiveMinimum", 0L);
      case POSITIVE_OR_ZERO -> atLeast(schema, "minimum", 0);
      case PATTERN -> {
        if (c.flags() == 0) {
          pattern(schema, "^(?:" + c.regexp() + ")$");
        } else { // java.util.regex flags have no JSON Schema form: keep the expression, say it is Java's
          schema.put("x-java-pattern", c.regexp()).put("x-java-pattern-flags", (long) c.flags());
        }
      }
      case EMAIL -> schema.put("format", "email");
      case NOT_NULL, PAST, FUTURE -> { } // NotNull: required; Past/Future have no JSON Schema keyword
    }
  }

  private static String sizeKeyword(String type, boolean min) {
    return switch (type) {
      case "array" -> min ? "minItems" : "maxItems";
      case "object" -> min ? "minProperties" : "maxProperties";
      default -> min ? "minLength" : "maxLength";
    };
  }

  /** Keeps the stricter of two lower bounds. */
  private static void atLeast(JsonObject schema, String keyword, long value) {
    Object current = schema.get(keyword);
    if (!(current instanceof Long existing) || existing < value) {
      schema.put(keyword, value);
    }
  }

  /** Keeps the stricter of two upper bounds. */
  private static void atMost(JsonObject schema, String keyword, long value) {
    Object current = schema.get(keyword);
    if (!(current instanceof Long existing) || existing > value) {
      schema.put(keyword, value);
    }
  }

  /** One {@code pattern} per schema: a second one joins an {@code allOf}. */
  private static void pattern(JsonObject schema, String regexp) {
    if (!schema.has("pattern")) {
      schema.put("pattern", regexp);
      return;
    }
    List<Object> all = new ArrayList<>();
    if (schema.get("allOf") instanceof List<?> existing) {
      all.addAll(existing);
    }
    all.add(of().put("pattern", regexp));
    schema.put("allOf", all);
  }
}
