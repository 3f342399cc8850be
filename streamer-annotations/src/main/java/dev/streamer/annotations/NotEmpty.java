package dev.streamer.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Must not be null or empty. CharSequence, Collection, Map or array. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE}) // TYPE_USE: List<@NotNull Item>
public @interface NotEmpty {

  /** Message reported on violation; empty means the default message. */
  String message() default "";
}
