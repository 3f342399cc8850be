package dev.streamer.processor.write.js;

import dev.streamer.processor.model.ComponentModel;
import dev.streamer.processor.model.EnumModel;
import dev.streamer.processor.model.PrimitiveKind;
import dev.streamer.processor.model.RecordModel;
import dev.streamer.processor.model.ResultModel;
import dev.streamer.processor.model.TypeRef;
import java.util.Optional;
import java.util.stream.Collectors;
import dev.streamer.processor.write.json.ResultTypes;
import dev.streamer.processor.write.json.JsonSchemas;
import dev.streamer.processor.write.json.JsonPrinter;
import dev.streamer.processor.write.json.ExportedNames;

/**
 * TypeScript declarations of the records, enums and results, matching {@link JsonSchemas}: a record is an interface
 * whose required components (primitives, {@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty}) are plain members
 * and the others optional and nullable; an enum is a union of string literals; numbers (BigDecimal and BigInteger
 * too, which the codecs write as JSON numbers) are {@code number}; UUID and java.time values are {@code string}s.
 */
final class TypeScriptTypes {

  private final ExportedNames names;

  TypeScriptTypes(ExportedNames names) {
    this.names = names;
  }

  String record(RecordModel record) {
    StringBuilder out = new StringBuilder();
    out.append("export interface ").append(names.of(record.name())).append(" {\n");
    for (ComponentModel component : record.components()) {
      boolean required = JsonSchemas.isRequired(component);
      out.append("  ").append(component.name()).append(required ? ": " : "?: ").append(type(component.type()))
          .append(required ? "" : " | null").append(";\n");
    }
    return out.append("}\n").toString();
  }

  String enumeration(EnumModel e) {
    String constants = e.constants().stream().map(JsonPrinter::quote).collect(Collectors.joining(" | "));
    return "export type " + names.of(e.name()) + " = " + (constants.isEmpty() ? "never" : constants) + ";\n";
  }

  /** The type a result resolves to. */
  String result(ResultModel result) {
    if (ResultTypes.isVoid(result)) {
      return "null";
    }
    Optional<TypeRef> type = ResultTypes.of(result);
    return type.map(this::type).orElse("unknown");
  }

  String type(TypeRef type) {
    if (type instanceof TypeRef.Primitive p) {
      return primitive(p.kind());
    } else if (type instanceof TypeRef.Box b) {
      return primitive(b.kind());
    } else if (type instanceof TypeRef.Text) {
      return "string";
    } else if (type instanceof TypeRef.Scalar s) {
      return s.kind().isBigNumber() ? "number" : "string";
    } else if (type instanceof TypeRef.EnumRef e) {
      return names.of(e.name());
    } else if (type instanceof TypeRef.RecordRef r) {
      return names.of(r.name());
    } else if (type instanceof TypeRef.ListRef l) {
      return array(type(l.element()));
    } else if (type instanceof TypeRef.SetRef s) {
      return array(type(s.element()));
    } else if (type instanceof TypeRef.ArrayRef a) {
      if (a.component() instanceof TypeRef.Primitive p && p.kind() == PrimitiveKind.CHAR) {
        return "string";
      }
      return array(type(a.component()));
    } else if (type instanceof TypeRef.MapRef m) {
      return "Record<string, " + type(m.value()) + ">";
    } else if (type instanceof TypeRef.OptionalRef o) {
      return type(o.value());
    } else if (type instanceof TypeRef.Any) {
      return "unknown";
    }
    throw new IllegalArgumentException("unknown type " + type);
  }

  private static String primitive(PrimitiveKind kind) {
    return switch (kind) {
      case BOOLEAN -> "boolean";
      case CHAR -> "string";
      default -> "number";
    };
  }

  private static String array(String element) {
    return element.contains("|") ? "Array<" + element + ">" : element + "[]";
  }
}
