package dev.streamer.processor.model;

import com.palantir.javapoet.ClassName;

/** A type the generated codecs can read and write. Built by the readers; the only types writers understand. */
public sealed interface TypeRef {

  /** True for the eight primitive types (never null, required in JSON). */
  default boolean isPrimitive() {
    return this instanceof Primitive;
  }

  /** {@code int}, {@code boolean}, ... */
  record Primitive(PrimitiveKind kind) implements TypeRef {}

  /** {@code Integer}, {@code Boolean}, ... */
  record Box(PrimitiveKind kind) implements TypeRef {}

  /** {@code java.lang.String}. */
  record Text() implements TypeRef {}

  /** A value type written as one JSON scalar: BigDecimal, UUID, Instant, ... */
  record Scalar(ScalarKind kind) implements TypeRef {}

  /** An enum with a generated codec; its {@link EnumModel} is in {@link AppModel#enums()}. */
  record EnumRef(ClassName name) implements TypeRef {}

  /** {@code java.util.List<E>}. */
  record ListRef(TypeRef element) implements TypeRef {}

  /** {@code java.util.Set<E>}. */
  record SetRef(TypeRef element) implements TypeRef {}

  /** {@code java.util.Map<String, V>}. */
  record MapRef(TypeRef value) implements TypeRef {}

  /** {@code java.util.Optional<V>}. */
  record OptionalRef(TypeRef value) implements TypeRef {}

  /** {@code C[]}. */
  record ArrayRef(TypeRef component) implements TypeRef {}

  /** A record with a generated codec; its {@link RecordModel} is in {@link AppModel#records()}. */
  record RecordRef(ClassName name) implements TypeRef {}

  /** {@code java.lang.Object}: any JSON value. */
  record Any() implements TypeRef {}
}
