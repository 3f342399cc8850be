package dev.streamer.processor.write.json;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.streamer.processor.model.PrimitiveKind;
import dev.streamer.processor.model.ResultModel;
import dev.streamer.processor.model.ScalarKind;
import dev.streamer.processor.model.TypeRef;
import java.util.Optional;

/**
 * The JSON shape of an action's result, as a {@link TypeRef}, for the documents and typings. Results written by
 * generated codecs have one already; a result written by {@code JsonWrite.any} gets one from its Java type when that
 * type is one {@code JsonWrite.any} writes itself (boxes, String, numbers, java.time, UUID, Map, collections,
 * Optional, arrays, Object). A POJO, serialized by Jackson databind, has no known shape: empty.
 */
public final class ResultTypes {

  private ResultTypes() {}

  /** Empty for void (JSON null) and for results of unknown shape; see {@link #isVoid}. */
  public static Optional<TypeRef> of(ResultModel result) {
    return switch (result.kind()) {
      case VOID -> Optional.empty();
      case CODEC -> Optional.of(result.codec());
      case ANY -> Optional.ofNullable(fromJava(result.javaType()));
    };
  }

  public static boolean isVoid(ResultModel result) {
    return result.kind() == ResultModel.Kind.VOID;
  }

  private static TypeRef fromJava(TypeName type) {
    if (type instanceof WildcardTypeName wildcard) {
      return wildcard.upperBounds().isEmpty() ? new TypeRef.Any() : fromJava(wildcard.upperBounds().get(0));
    }
    if (type instanceof ArrayTypeName array) {
      TypeRef component = fromJava(array.componentType());
      return component == null ? null : new TypeRef.ArrayRef(component);
    }
    if (type.isPrimitive()) {
      return primitive(type) == null ? null : new TypeRef.Primitive(primitive(type));
    }
    if (type instanceof ParameterizedTypeName parameterized) {
      return generic(parameterized);
    }
    if (!(type instanceof ClassName name)) {
      return null;
    }
    PrimitiveKind boxed = type.isBoxedPrimitive() ? primitive(type.unbox()) : null;
    if (boxed != null) {
      return new TypeRef.Box(boxed);
    }
    String qualified = name.canonicalName();
    ScalarKind scalar = ScalarKind.of(qualified);
    if (scalar != null) {
      return new TypeRef.Scalar(scalar);
    }
    return switch (qualified) {
      case "java.lang.String", "java.lang.CharSequence" -> new TypeRef.Text();
      case "java.lang.Object" -> new TypeRef.Any();
      case "java.util.Map", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.SortedMap",
          "java.util.NavigableMap" -> new TypeRef.MapRef(new TypeRef.Any());
      case "java.util.List", "java.util.ArrayList", "java.util.LinkedList", "java.util.Collection",
          "java.lang.Iterable" -> new TypeRef.ListRef(new TypeRef.Any());
      case "java.util.Set", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
          "java.util.SortedSet" -> new TypeRef.SetRef(new TypeRef.Any());
      default -> null;
    };
  }

  private static TypeRef generic(ParameterizedTypeName type) {
    boolean optional = type.rawType().canonicalName().equals("java.util.Optional");
    TypeRef raw = optional ? null : fromJava(type.rawType());
    if (raw == null && !optional) {
      return null;
    }
    TypeName last = type.typeArguments().get(type.typeArguments().size() - 1); // a Map's value type
    TypeRef argument = fromJava(last);
    if (argument == null) {
      argument = new TypeRef.Any(); // a POJO inside a container: its shape is unknown, the container's is not
    }
    if (optional) {
      return new TypeRef.OptionalRef(argument);
    } else if (raw instanceof TypeRef.MapRef) {
      return new TypeRef.MapRef(argument);
    } else if (raw instanceof TypeRef.ListRef) {
      return new TypeRef.ListRef(argument);
    } else if (raw instanceof TypeRef.SetRef) {
      return new TypeRef.SetRef(argument);
    }
    return raw;
  }

  private static PrimitiveKind primitive(TypeName type) {
    for (PrimitiveKind kind : PrimitiveKind.values()) {
      if (kind.typeName().equals(type)) {
        return kind;
      }
    }
    return null;
  }
}
