package dev.streamer.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Numeric value at most {@code value}. Integral types, BigDecimal, BigInteger (and boxes); null is valid. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE}) // TYPE_USE: List<@NotNull Item>
public @interface Max {
  long value();

  /** Message reported on violation; empty means the default message. */
  String message() default "";
}
