package dev.streamer.core.json;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** Reads one JSON value from a parser positioned on its first token. Generated per record; no reflection. */
@FunctionalInterface
public interface JsonReader<T> {
  T read(JsonParser parser) throws IOException;
}
