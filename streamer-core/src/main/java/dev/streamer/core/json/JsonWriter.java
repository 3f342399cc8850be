package dev.streamer.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes one value as one JSON value. Generated per record; no reflection. */
@FunctionalInterface
public interface JsonWriter<T> {
  void write(JsonGenerator generator, T value) throws IOException;
}
