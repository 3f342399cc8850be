package dev.streamer.processor.model;

import com.palantir.javapoet.ClassName;

/** Value types written as one JSON scalar, with their runtime helper names. */
public enum ScalarKind {
  BIG_DECIMAL(ClassName.get("java.math", "BigDecimal"), "bigDecimal"),
  BIG_INTEGER(ClassName.get("java.math", "BigInteger"), "bigInteger"),
  UUID(ClassName.get("java.util", "UUID"), "uuid"),
  INSTANT(ClassName.get("java.time", "Instant"), "instant"),
  LOCAL_DATE(ClassName.get("java.time", "LocalDate"), "localDate"),
  OFFSET_DATE_TIME(ClassName.get("java.time", "OffsetDateTime"), "offsetDateTime"),
  DURATION(ClassName.get("java.time", "Duration"), "duration");

  private final ClassName className;
  private final String helper;

  ScalarKind(ClassName className, String helper) {
    this.className = className;
    this.helper = helper;
  }

  public ClassName className() {
    return className;
  }

  /** Name of the {@code JsonRead}/{@code JsonWrite} method; the constant is {@link #name()}. */
  public String helper() {
    return helper;
  }

  /** The scalar kind of {@code qualifiedName}, or null. */
  public static ScalarKind of(String qualifiedName) {
    for (ScalarKind kind : values()) {
      if (kind.className.canonicalName().equals(qualifiedName)) {
        return kind;
      }
    }
    return null;
  }

  /** Temporal types, for Past/Future. */
  public boolean isTemporal() {
    return this == INSTANT || this == LOCAL_DATE || this == OFFSET_DATE_TIME;
  }

  /** Arbitrary-precision numbers, for Min/Max/Positive. */
  public boolean isBigNumber() {
    return this == BIG_DECIMAL || this == BIG_INTEGER;
  }
}
