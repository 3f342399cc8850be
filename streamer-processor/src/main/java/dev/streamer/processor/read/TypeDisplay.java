package dev.streamer.processor.read;

import dev.streamer.processor.model.TypeRef;

/** Short, annotation-free type names for diagnostics. */
final class TypeDisplay {

  private TypeDisplay() {}

  static String of(TypeRef type) {
    if (type instanceof TypeRef.Primitive p) {
      return p.kind().stem();
    } else if (type instanceof TypeRef.Box b) {
      return b.kind().typeName().box().toString().replace("java.lang.", "");
    } else if (type instanceof TypeRef.Text) {
      return "String";
    } else if (type instanceof TypeRef.Scalar s) {
      return s.kind().className().simpleName();
    } else if (type instanceof TypeRef.EnumRef e) {
      return String.join(".", e.name().simpleNames());
    } else if (type instanceof TypeRef.RecordRef r) {
      return String.join(".", r.name().simpleNames());
    } else if (type instanceof TypeRef.ListRef l) {
      return "List<" + of(l.element()) + ">";
    } else if (type instanceof TypeRef.SetRef s) {
      return "Set<" + of(s.element()) + ">";
    } else if (type instanceof TypeRef.MapRef m) {
      return "Map<String, " + of(m.value()) + ">";
    } else if (type instanceof TypeRef.OptionalRef o) {
      return "Optional<" + of(o.value()) + ">";
    } else if (type instanceof TypeRef.ArrayRef a) {
      return of(a.component()) + "[]";
    }
    return "Object";
  }
}
