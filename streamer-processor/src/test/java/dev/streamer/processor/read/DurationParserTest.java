package dev.streamer.processor.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {

  @ParameterizedTest
  @CsvSource({
      "250ms, 250",
      "5s, 5000",
      "2m, 120000",
      "1h, 3600000",
      "1h30m, 5400000",
      "1m30s500ms, 90500",
      "1h0m1s, 3601000",
      "90s, 90000",
      "007s, 7000",
  })
  void validDurations(String text, long millis) {
    assertEquals(millis, DurationParser.parseMillis(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "s", "5 s", " 5s", "5s ", "5S", "1.5s", "-1s", "30s1m", "5ms1s", "1m1m",
      "0s", "0h0m", "1d", "5sec", "9999999999999999999h", "2562047788015216h"})
  void invalidDurations(String text) {
    assertEquals(-1, DurationParser.parseMillis(text));
  }
}
