package dev.streamer.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

/** The one {@link JsonFactory} of the runtime, with read limits that keep hostile input cheap to reject. */
public final class Json {

  /** Deepest nesting accepted in a message, payload included. */
  public static final int MAX_NESTING_DEPTH = 64;

  /** Longest number literal accepted, in characters (Jackson's default is 1000). */
  public static final int MAX_NUMBER_LENGTH = 200;

  /**
   * Largest scale magnitude of a decimal number ({@code 1e-1000}, {@code 1e1000}). The number length limit does not
   * bound it: {@code 1e999999999} is 11 characters, yet adding 1 to it builds a billion-digit number, so one short
   * literal would let a client stall any action that does arithmetic on a {@code BigDecimal}.
   */
  public static final int MAX_DECIMAL_SCALE = 1000;

  /** Longest string accepted, in characters; messages are capped at 128 KiB anyway. */
  public static final int MAX_STRING_LENGTH = 256 * 1024;

  /**
   * The factory of every Streamer parser and generator: strict JSON (no single quotes, comments, unquoted names or
   * other lenient read features) with the limits above. Do not reconfigure it: the envelope reader relies on strict
   * JSON and on its parsers being jackson-core's {@code ParserBase} (the payload's offsets), which {@code JsonTest}
   * checks.
   */
  public static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .maxStringLength(MAX_STRING_LENGTH)
          .build())
      // UTF-8 output writes a character outside the BMP as its four bytes, as text output writes it, not as two
      // escaped surrogates (Jackson's default); an unpaired surrogate is written escaped
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
      .build();

  private Json() {}
}
