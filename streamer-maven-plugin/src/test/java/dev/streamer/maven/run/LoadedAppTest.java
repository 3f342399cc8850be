package dev.streamer.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoadedAppTest {

  @Test
  void fillsEmptyStringsAndZerosOfTheMinimalPayload() {
    assertEquals("{\"name\":\"hello\",\"count\":1,\"inner\":{\"n\":1},\"tags\":[],\"ratio\":0.5}",
        LoadedApp.filled("{\"name\":\"\",\"count\":0,\"inner\":{\"n\":0},\"tags\":[],\"ratio\":0.5}"));
  }
}
