package dev.streamer.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The documented fallback of {@link JsonWrite#any} for types without a generated encoder (POJO results): Jackson
 * databind. A holder class, so databind is loaded only when a value first needs it; the mapper is thread-safe
 * once configured. {@code java.time} values and optionals are written as {@link JsonWrite} writes them, without
 * needing Jackson's optional datatype modules.
 */
final class DatabindFallback {

  private static final ObjectMapper MAPPER = createMapper();

  private DatabindFallback() {}

  static void write(JsonGenerator g, Object value) throws IOException {
    MAPPER.writeValue(g, value);
  }

  private static ObjectMapper createMapper() {
    SimpleModule javaTime = new SimpleModule("streamer-java-time");
    for (Class<?> type : new Class<?>[] {Instant.class, LocalDate.class, LocalDateTime.class, LocalTime.class,
        OffsetDateTime.class, OffsetTime.class, ZonedDateTime.class, Duration.class, Period.class, Year.class,
        YearMonth.class, MonthDay.class, ZoneId.class}) {
      javaTime.addSerializer(type, ToStringSerializer.instance); // ISO-8601, as JsonWrite writes them
    }
    javaTime.addSerializer(new OptionalSerializer());
    // A new factory, not Json.FACTORY: an ObjectMapper installs itself as its factory's codec.
    return new ObjectMapper()
        .registerModule(javaTime)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
  }

  /** An empty optional is {@code null}, a present one its content. */
  @SuppressWarnings({"rawtypes", "unchecked"}) // StdSerializer needs the raw Optional class
  private static final class OptionalSerializer extends StdSerializer<Optional> {
    private static final long serialVersionUID = 1L;

    OptionalSerializer() {
      super(Optional.class);
    }

    @Override
    public void serialize(Optional value, JsonGenerator g, SerializerProvider provider) throws IOException {
      provider.defaultSerializeValue(value.orElse(null), g);
    }
  }
}
