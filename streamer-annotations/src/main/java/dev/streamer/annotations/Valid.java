package dev.streamer.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Cascade validation into a nested record, or into each record of a List, Set, array, Optional or Map value. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE}) // TYPE_USE: List<@NotNull Item>
public @interface Valid {}
