package dev.streamer.core.json;

import static dev.streamer.core.json.Decoding.assertFailure;
import static dev.streamer.core.json.Decoding.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Error paths, with decoders written the way the processor generates them. */
class JsonReadPathTest {

  record Line(String sku, int quantity) {}

  record Order(String id, List<Line> items) {}

  /** What the processor generates for {@link Line}: required fields, unknown fields skipped. */
  static Line readLine(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    JsonRead.startObject(p, "Line");
    String sku = null;
    int quantity = 0;
    boolean seenQuantity = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "sku":
          sku = JsonRead.string(p);
          break;
        case "quantity":
          quantity = JsonRead.intValue(p);
          seenQuantity = true;
          break;
        default:
          JsonRead.skipValue(p);
      }
    }
    if (!seenQuantity) {
      throw JsonRead.missing(p, "quantity");
    }
    return new Line(sku, quantity);
  }

  static Order readOrder(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    JsonRead.startObject(p, "Order");
    String id = null;
    List<Line> items = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "id":
          id = JsonRead.string(p);
          break;
        case "items":
          items = JsonRead.list(p, JsonReadPathTest::readLine);
          break;
        default:
          JsonRead.skipValue(p);
      }
    }
    if (id == null) {
      throw JsonRead.missing(p, "id");
    }
    return new Order(id, items);
  }

  @Test
  void decodesAWholeDocumentSkippingUnknownFields() throws IOException {
    Order order = read("{\"extra\":{\"deep\":[1,{\"x\":[]}]},\"id\":\"o1\",\"items\":[{\"sku\":\"a\",\"quantity\":1,"
        + "\"note\":[null]},{\"quantity\":2}]}", JsonReadPathTest::readOrder);
    assertEquals(new Order("o1", List.of(new Line("a", 1), new Line(null, 2))), order);
  }

  @Test
  void pathOfAFieldInAListOfObjects() {
    assertFailure("{\"id\":\"o\",\"items\":[{\"quantity\":1},{\"quantity\":2},{\"quantity\":\"3\"}]}",
        JsonReadPathTest::readOrder, "items[2].quantity", "expected an integer but got a string");
    assertFailure("{\"id\":\"o\",\"items\":[{\"quantity\":1},{\"quantity\":3000000000}]}",
        JsonReadPathTest::readOrder, "items[1].quantity", "value 3000000000 is out of range for int");
  }

  @Test
  void pathOfAWrongTypedContainer() {
    assertFailure("{\"id\":\"o\",\"items\":{}}", JsonReadPathTest::readOrder, "items",
        "expected an array but got an object");
    assertFailure("{\"id\":\"o\",\"items\":[{\"quantity\":1}, 5]}", JsonReadPathTest::readOrder, "items[1]",
        "expected an object but got an integer");
    assertFailure("{\"id\":\"o\",\"items\":[[]]}", JsonReadPathTest::readOrder, "items[0]",
        "expected an object but got an array");
    assertFailure("[]", JsonReadPathTest::readOrder, "", "expected an object but got an array");
  }

  @Test
  void missingAtRootAndNested() {
    assertFailure("{\"items\":[]}", JsonReadPathTest::readOrder, "id", "is required");
    assertFailure("{}", JsonReadPathTest::readOrder, "id", "is required");
    assertFailure("{\"id\":\"o\",\"items\":[{\"quantity\":1},{\"sku\":\"b\"}]}", JsonReadPathTest::readOrder,
        "items[1].quantity", "is required");
    assertFailure("{\"a\":{\"b\":[{}]}}", p -> JsonRead.map(p, q -> JsonRead.map(q,
        r -> JsonRead.list(r, JsonReadPathTest::readLine))), "a.b[0].quantity", "is required");
  }

  @Test
  void missingWhileStillInsideTheObject() throws IOException {
    try (JsonParser p = JsonRead.parser("{\"items\":[{\"sku\":\"a\"}]}")) {
      p.nextToken(); // {
      p.nextToken(); // "items"
      assertEquals("id", pathOf(JsonRead.missing(p, "id"))); // still in the root object
      p.nextToken(); // [
      p.nextToken(); // { of items[0]
      assertEquals("items[0].quantity", pathOf(JsonRead.missing(p, "quantity")));
      p.nextToken(); // "sku"
      p.nextToken(); // "a"
      assertEquals("items[0].quantity", pathOf(JsonRead.missing(p, "quantity")));
    }
  }

  @Test
  void pathsOfMapValues() {
    assertFailure("{\"x\":1,\"y\":\"2\"}", p -> JsonRead.map(p, JsonRead.INT), "y",
        "expected an integer but got a string");
    assertFailure("{\"x\":{\"k\":[1,2,{}]}}", p -> JsonRead.map(p, q -> JsonRead.map(q, r -> JsonRead.list(r,
        JsonRead.INT))), "x.k[2]", "expected an integer but got an object");
  }

  @Test
  void pathsOfNestedArrays() {
    assertFailure("[[1],[2,3,\"x\"]]", p -> JsonRead.list(p, q -> JsonRead.list(q, JsonRead.LONG)), "[1][2]",
        "expected an integer but got a string");
    assertFailure("[[1],[2,3,true]]", p -> JsonRead.list(p, JsonRead::intArray), "[1][2]",
        "expected an integer but got a boolean");
  }

  @Test
  void pathOfEveryTokenKind() throws IOException {
    try (JsonParser p = JsonRead.parser("{\"a\":[{\"b\":[10,{}]},[]],\"c\":null}")) {
      List<String> seen = new ArrayList<>();
      while (p.nextToken() != null) {
        if (p.currentToken() != JsonToken.FIELD_NAME) {
          seen.add(p.currentToken() + "@" + JsonRead.path(p));
        }
      }
      assertEquals(List.of("START_OBJECT@", "START_ARRAY@a", "START_OBJECT@a[0]", "START_ARRAY@a[0].b",
          "VALUE_NUMBER_INT@a[0].b[0]", "START_OBJECT@a[0].b[1]", "END_OBJECT@a[0].b[1]", "END_ARRAY@a[0].b",
          "END_OBJECT@a[0]", "START_ARRAY@a[1]", "END_ARRAY@a[1]", "END_ARRAY@a", "VALUE_NULL@c", "END_OBJECT@"),
          seen);
    }
  }

  @Test
  void unknownEnumNamesTheAllowedValues() throws IOException {
    try (JsonParser p = JsonRead.parser("{\"color\":\"PURPLE\"}")) {
      p.nextToken();
      p.nextToken();
      p.nextToken();
      JsonDecodeException e =
          assertInstanceOf(JsonDecodeException.class, JsonRead.unknownEnum(p, p.getText(), "RED, GREEN"));
      assertEquals("color", e.path());
      assertEquals("unknown value \"PURPLE\"; expected one of: RED, GREEN", e.getMessage());
      JsonDecodeException longValue =
          assertInstanceOf(JsonDecodeException.class, JsonRead.unknownEnum(p, "X".repeat(1000), "RED, GREEN"));
      assertEquals("unknown value; expected one of: RED, GREEN", longValue.getMessage());
    }
  }

  @Test
  void decodeExceptionsCarryNoStackTrace() {
    JsonDecodeException e = Decoding.failure("\"x\"", JsonRead.INT);
    assertEquals(0, e.getStackTrace().length);
  }

  /** The path of a decode fault, which JsonRead's factories return typed as RuntimeException. */
  private static String pathOf(RuntimeException fault) {
    return assertInstanceOf(JsonDecodeException.class, fault).path();
  }
}
