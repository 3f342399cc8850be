package dev.streamer.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * What an action returns and how the route writes it.
 *
 * @param kind     how it is written
 * @param javaType the route's {@code R} (boxed; {@code Void} for void)
 * @param codec    the type written by generated codecs when {@code kind} is CODEC, else null
 */
public record ResultModel(Kind kind, TypeName javaType, TypeRef codec) {

  /** How a result is written. */
  public enum Kind {
    /** {@code void}: JSON null. */
    VOID,
    /** Holds records or enums (possibly in containers): written by their generated codecs. */
    CODEC,
    /** Anything else: {@code JsonWrite.any}, with the documented databind fallback for POJOs. */
    ANY
  }
}
