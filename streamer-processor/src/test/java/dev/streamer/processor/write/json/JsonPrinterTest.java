package dev.streamer.processor.write.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPrinterTest {

  @Test
  void printsMembersInInsertionOrderWithTwoSpaceIndentation() {
    JsonObject object = JsonObject.of()
        .put("z", 1L)
        .put("a", List.of("x", true))
        .put("empty", JsonObject.of())
        .put("none", List.of())
        .put("nothing", null);
    assertEquals("""
        {
          "z": 1,
          "a": [
            "x",
            true
          ],
          "empty": {},
          "none": [],
          "nothing": null
        }
        """, JsonPrinter.print(object));
  }

  @Test
  void escapesWhatJsonAndJavaScriptRequire() {
    assertEquals("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u2028\\u2029 é 👋 </\"",
        JsonPrinter.quote("a\"b\\c\n\r\t\b\f\u0001\u2028\u2029 é 👋 </"));
  }

  @Test
  void replacingAMemberKeepsItsPosition() {
    JsonObject object = JsonObject.of().put("a", 1L).put("b", 2L).put("a", 3L);
    assertEquals("{\n  \"a\": 3,\n  \"b\": 2\n}\n", JsonPrinter.print(object));
  }

  @Test
  void rejectsValuesThatAreNotJson() {
    assertThrows(IllegalArgumentException.class, () -> JsonPrinter.print(Arrays.asList(1.5)));
  }
}
