package dev.streamer.processor.write.java;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.streamer.processor.model.TypeRef;

/** Java types of model types. */
final class Types {

  private Types() {}

  static TypeName of(TypeRef type) {
    if (type instanceof TypeRef.Primitive p) {
      return p.kind().typeName();
    } else if (type instanceof TypeRef.Box b) {
      return b.kind().typeName().box();
    } else if (type instanceof TypeRef.Text) {
      return Names.STRING;
    } else if (type instanceof TypeRef.Scalar s) {
      return s.kind().className();
    } else if (type instanceof TypeRef.EnumRef e) {
      return e.name();
    } else if (type instanceof TypeRef.RecordRef r) {
      return r.name();
    } else if (type instanceof TypeRef.ListRef l) {
      return ParameterizedTypeName.get(Names.LIST, of(l.element()));
    } else if (type instanceof TypeRef.SetRef s) {
      return ParameterizedTypeName.get(Names.SET, of(s.element()));
    } else if (type instanceof TypeRef.MapRef m) {
      return ParameterizedTypeName.get(Names.MAP, Names.STRING, of(m.value()));
    } else if (type instanceof TypeRef.OptionalRef o) {
      return ParameterizedTypeName.get(Names.OPTIONAL, of(o.value()));
    } else if (type instanceof TypeRef.ArrayRef a) {
      return ArrayTypeName.of(of(a.component()));
    }
    return Names.OBJECT;
  }

  /** Nesting depth of containers (0 for a scalar), for naming lambda parameters. */
  static int depth(TypeRef type) {
    if (type instanceof TypeRef.ListRef l) {
      return 1 + depth(l.element());
    } else if (type instanceof TypeRef.SetRef s) {
      return 1 + depth(s.element());
    } else if (type instanceof TypeRef.MapRef m) {
      return 1 + depth(m.value());
    } else if (type instanceof TypeRef.OptionalRef o) {
      return 1 + depth(o.value());
    } else if (type instanceof TypeRef.ArrayRef a) {
      return 1 + depth(a.component());
    }
    return 0;
  }
}
