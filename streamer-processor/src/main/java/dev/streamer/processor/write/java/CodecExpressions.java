package dev.streamer.processor.write.java;

import com.palantir.javapoet.CodeBlock;
import dev.streamer.processor.model.Naming;
import dev.streamer.processor.model.PrimitiveKind;
import dev.streamer.processor.model.TypeRef;

/**
 * Code that reads or writes one value of a model type with the runtime helpers {@code JsonRead} and
 * {@code JsonWrite}. Container element readers/writers are the helpers' constants, the generated codecs'
 * {@code READER}/{@code WRITER}, or a lambda for nested containers (parameters {@code p1}, {@code g1}, {@code v1}
 * by depth, so they never shadow a local).
 */
final class CodecExpressions {

  private CodecExpressions() {}

  /** An expression reading a {@code type} from parser {@code p} (positioned on the value's first token). */
  static CodeBlock read(TypeRef type, String p, int depth) {
    if (type instanceof TypeRef.Primitive prim) {
      return CodeBlock.of("$T.$LValue($L)", Names.JSON_READ, prim.kind().stem(), p);
    } else if (type instanceof TypeRef.Box box) {
      return CodeBlock.of("$T.$LBox($L)", Names.JSON_READ, box.kind().stem(), p);
    } else if (type instanceof TypeRef.Text) {
      return CodeBlock.of("$T.string($L)", Names.JSON_READ, p);
    } else if (type instanceof TypeRef.Scalar s) {
      return CodeBlock.of("$T.$L($L)", Names.JSON_READ, s.kind().helper(), p);
    } else if (type instanceof TypeRef.EnumRef e) {
      return CodeBlock.of("$T.READER.read($L)", Naming.codec(e.name()), p);
    } else if (type instanceof TypeRef.RecordRef r) {
      return CodeBlock.of("$T.READER.read($L)", Naming.codec(r.name()), p);
    } else if (type instanceof TypeRef.ListRef l) {
      return CodeBlock.of("$T.list($L, $L)", Names.JSON_READ, p, reader(l.element(), depth + 1));
    } else if (type instanceof TypeRef.SetRef s) {
      return CodeBlock.of("$T.set($L, $L)", Names.JSON_READ, p, reader(s.element(), depth + 1));
    } else if (type instanceof TypeRef.MapRef m) {
      return CodeBlock.of("$T.map($L, $L)", Names.JSON_READ, p, reader(m.value(), depth + 1));
    } else if (type instanceof TypeRef.OptionalRef o) {
      return CodeBlock.of("$T.optional($L, $L)", Names.JSON_READ, p, reader(o.value(), depth + 1));
    } else if (type instanceof TypeRef.ArrayRef a) {
      if (a.component() instanceof TypeRef.Primitive prim) {
        return CodeBlock.of("$T.$LArray($L)", Names.JSON_READ, prim.kind().stem(), p);
      }
      return CodeBlock.of("$T.array($L, $L, $T::new)", Names.JSON_READ, p, reader(a.component(), depth + 1),
          Types.of(a));
    }
    return CodeBlock.of("$T.any($L)", Names.JSON_READ, p);
  }

  /** A {@code JsonReader<T>} for {@code type} (never primitive: type arguments and array components). */
  static CodeBlock reader(TypeRef type, int depth) {
    String constant = constant(type);
    if (constant != null) {
      return CodeBlock.of("$T.$L", Names.JSON_READ, constant);
    } else if (type instanceof TypeRef.EnumRef e) {
      return CodeBlock.of("$T.READER", Naming.codec(e.name()));
    } else if (type instanceof TypeRef.RecordRef r) {
      return CodeBlock.of("$T.READER", Naming.codec(r.name()));
    }
    String p = "p" + depth;
    return CodeBlock.of("$L -> $L", p, read(type, p, depth));
  }

  /** A statement writing {@code value} (an expression of {@code type}) to generator {@code g}. */
  static CodeBlock write(TypeRef type, String g, CodeBlock value, int depth) {
    if (type instanceof TypeRef.Primitive prim) {
      return switch (prim.kind()) {
        case BOOLEAN -> CodeBlock.of("$L.writeBoolean($L)", g, value);
        case CHAR, DOUBLE, FLOAT -> CodeBlock.of("$T.$LValue($L, $L)", Names.JSON_WRITE, prim.kind().stem(), g, value);
        default -> CodeBlock.of("$L.writeNumber($L)", g, value);
      };
    } else if (type instanceof TypeRef.Box box) {
      return CodeBlock.of("$T.$LBox($L, $L)", Names.JSON_WRITE, box.kind().stem(), g, value);
    } else if (type instanceof TypeRef.Text) {
      return CodeBlock.of("$T.string($L, $L)", Names.JSON_WRITE, g, value);
    } else if (type instanceof TypeRef.Scalar s) {
      return CodeBlock.of("$T.$L($L, $L)", Names.JSON_WRITE, s.kind().helper(), g, value);
    } else if (type instanceof TypeRef.EnumRef e) {
      return CodeBlock.of("$T.WRITER.write($L, $L)", Naming.codec(e.name()), g, value);
    } else if (type instanceof TypeRef.RecordRef r) {
      return CodeBlock.of("$T.WRITER.write($L, $L)", Naming.codec(r.name()), g, value);
    } else if (type instanceof TypeRef.ListRef l) {
      return CodeBlock.of("$T.list($L, $L, $L)", Names.JSON_WRITE, g, value, writer(l.element(), depth + 1));
    } else if (type instanceof TypeRef.SetRef s) {
      return CodeBlock.of("$T.list($L, $L, $L)", Names.JSON_WRITE, g, value, writer(s.element(), depth + 1));
    } else if (type instanceof TypeRef.MapRef m) {
      return CodeBlock.of("$T.map($L, $L, $L)", Names.JSON_WRITE, g, value, writer(m.value(), depth + 1));
    } else if (type instanceof TypeRef.OptionalRef o) {
      return CodeBlock.of("$T.optional($L, $L, $L)", Names.JSON_WRITE, g, value, writer(o.value(), depth + 1));
    } else if (type instanceof TypeRef.ArrayRef a) {
      if (a.component() instanceof TypeRef.Primitive prim) {
        return CodeBlock.of("$T.$LArray($L, $L)", Names.JSON_WRITE, prim.kind().stem(), g, value);
      }
      return CodeBlock.of("$T.array($L, $L, $L)", Names.JSON_WRITE, g, value, writer(a.component(), depth + 1));
    }
    return CodeBlock.of("$T.any($L, $L)", Names.JSON_WRITE, g, value);
  }

  /** A {@code JsonWriter<T>} for {@code type} (never primitive). */
  static CodeBlock writer(TypeRef type, int depth) {
    String constant = constant(type);
    if (constant != null) {
      return CodeBlock.of("$T.$L", Names.JSON_WRITE, constant);
    } else if (type instanceof TypeRef.EnumRef e) {
      return CodeBlock.of("$T.WRITER", Naming.codec(e.name()));
    } else if (type instanceof TypeRef.RecordRef r) {
      return CodeBlock.of("$T.WRITER", Naming.codec(r.name()));
    }
    String g = "g" + depth;
    String v = "v" + depth;
    return CodeBlock.of("($L, $L) -> $L", g, v, write(type, g, CodeBlock.of("$L", v), depth));
  }

  /** Name of the helper constant ({@code JsonRead.INT}, {@code JsonWrite.UUID}) for {@code type}, or null. */
  private static String constant(TypeRef type) {
    if (type instanceof TypeRef.Box box) {
      return box.kind() == PrimitiveKind.CHAR ? "CHAR" : box.kind().name();
    } else if (type instanceof TypeRef.Text) {
      return "STRING";
    } else if (type instanceof TypeRef.Scalar s) {
      return s.kind().name();
    } else if (type instanceof TypeRef.Any) {
      return "ANY";
    }
    return null;
  }
}
