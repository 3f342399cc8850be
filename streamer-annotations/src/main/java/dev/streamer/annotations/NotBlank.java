package dev.streamer.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The string must not be null and must contain a non-whitespace character. CharSequence only. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE}) // TYPE_USE: List<@NotNull Item>
public @interface NotBlank {

  /** Message reported on violation; empty means the default message. */
  String message() default "";
}
