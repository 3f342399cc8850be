package dev.streamer.processor.model;

import com.palantir.javapoet.TypeName;

/** The eight primitive types, with the stem of their runtime helper names ({@code int} → {@code intValue}, {@code intBox}, {@code INT}). */
public enum PrimitiveKind {
  BOOLEAN("boolean", TypeName.BOOLEAN),
  BYTE("byte", TypeName.BYTE),
  SHORT("short", TypeName.SHORT),
  INT("int", TypeName.INT),
  LONG("long", TypeName.LONG),
  CHAR("char", TypeName.CHAR),
  FLOAT("float", TypeName.FLOAT),
  DOUBLE("double", TypeName.DOUBLE);

  private final String stem;
  private final TypeName typeName;

  PrimitiveKind(String stem, TypeName typeName) {
    this.stem = stem;
    this.typeName = typeName;
  }

  /** Helper-name stem: {@code int} for {@code JsonRead.intValue}, {@code JsonRead.intBox}, {@code JsonRead.intArray}. */
  public String stem() {
    return stem;
  }

  public TypeName typeName() {
    return typeName;
  }

  /** Integral types, for which Min/Max compare exactly. */
  public boolean isIntegral() {
    return this == BYTE || this == SHORT || this == INT || this == LONG;
  }

  /** Integral or floating point. */
  public boolean isNumeric() {
    return isIntegral() || this == FLOAT || this == DOUBLE;
  }
}
