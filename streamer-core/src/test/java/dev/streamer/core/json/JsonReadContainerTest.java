package dev.streamer.core.json;

import static dev.streamer.core.json.Decoding.assertFailure;
import static dev.streamer.core.json.Decoding.read;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonReadContainerTest {

  @Test
  void listsKeepOrderAndNullElements() throws IOException {
    List<Integer> list = read("[3, null, 1]", p -> JsonRead.list(p, JsonRead.INT));
    assertEquals(Arrays.asList(3, null, 1), list);
    assertEquals(List.of(), read("[]", p -> JsonRead.list(p, JsonRead.INT)));
    assertNull(read("null", p -> JsonRead.list(p, JsonRead.INT)));
  }

  @Test
  void listsOfListsNest() throws IOException {
    List<List<String>> list = read("[[\"a\"], [], [\"b\", \"c\"]]",
        p -> JsonRead.list(p, q -> JsonRead.list(q, JsonRead.STRING)));
    assertEquals(List.of(List.of("a"), List.of(), List.of("b", "c")), list);
  }

  @Test
  void setsAreInsertionOrderedAndMergeDuplicates() throws IOException {
    Set<String> set = read("[\"b\", \"a\", \"b\"]", p -> JsonRead.set(p, JsonRead.STRING));
    assertInstanceOf(LinkedHashSet.class, set);
    assertEquals(List.of("b", "a"), new ArrayList<>(set));
    assertNull(read("null", p -> JsonRead.set(p, JsonRead.STRING)));
  }

  @Test
  void mapsKeepOrderAndNullValues() throws IOException {
    Map<String, Long> map = read("{\"z\": 1, \"a\": null, \"m\": 3}", p -> JsonRead.map(p, JsonRead.LONG));
    assertInstanceOf(LinkedHashMap.class, map);
    assertEquals(List.of("z", "a", "m"), new ArrayList<>(map.keySet()));
    assertEquals(1L, map.get("z"));
    assertNull(map.get("a"));
    assertEquals(Map.of(), read("{}", p -> JsonRead.map(p, JsonRead.LONG)));
    assertNull(read("null", p -> JsonRead.map(p, JsonRead.LONG)));
  }

  @Test
  void optionalsMapNullToEmpty() throws IOException {
    assertEquals(Optional.of("x"), read("\"x\"", p -> JsonRead.optional(p, JsonRead.STRING)));
    assertEquals(Optional.empty(), read("null", p -> JsonRead.optional(p, JsonRead.STRING)));
    assertEquals(Optional.of(List.of(1)), read("[1]", p -> JsonRead.optional(p, q -> JsonRead.list(q, JsonRead.INT))));
    assertFailure("1", p -> JsonRead.optional(p, JsonRead.STRING), "", "expected a string but got an integer");
  }

  @Test
  void objectArrays() throws IOException {
    assertArrayEquals(new String[] {"a", null}, read("[\"a\", null]", p -> JsonRead.array(p, JsonRead.STRING,
        String[]::new)));
    assertArrayEquals(new BigDecimal[0], read("[]", p -> JsonRead.array(p, JsonRead.BIG_DECIMAL, BigDecimal[]::new)));
    assertNull(read("null", p -> JsonRead.array(p, JsonRead.STRING, String[]::new)));
  }

  @Test
  void primitiveArraysGrowPastTheirInitialCapacity() throws IOException {
    int[] ints = new int[100];
    Arrays.setAll(ints, i -> i * 7 - 300);
    assertArrayEquals(ints, read(Arrays.toString(ints), JsonRead::intArray));
    long[] longs = {Long.MIN_VALUE, 0, Long.MAX_VALUE, 1, 2, 3, 4, 5, 6, 7};
    assertArrayEquals(longs, read(Arrays.toString(longs), JsonRead::longArray));
    short[] shorts = {Short.MIN_VALUE, 0, Short.MAX_VALUE, 1, 2, 3, 4, 5, 6};
    assertArrayEquals(shorts, read(Arrays.toString(shorts), JsonRead::shortArray));
    byte[] bytes = {Byte.MIN_VALUE, 0, Byte.MAX_VALUE, 1, 2, 3, 4, 5, 6};
    assertArrayEquals(bytes, read(Arrays.toString(bytes), JsonRead::byteArray));
    double[] doubles = {1.5, -0.25, 3, 1e300, 5, 6, 7, 8, 9};
    assertArrayEquals(doubles, read("[1.5, -0.25, 3, 1e300, 5, 6, 7, 8, 9]", JsonRead::doubleArray));
    float[] floats = {1.5f, -0.25f, 3, 1e30f, 5, 6, 7, 8, 9};
    assertArrayEquals(floats, read("[1.5, -0.25, 3, 1e30, 5, 6, 7, 8, 9]", JsonRead::floatArray));
    boolean[] booleans = {true, false, true, true, false, false, true, false, true};
    assertArrayEquals(booleans, read(Arrays.toString(booleans), JsonRead::booleanArray));
    assertArrayEquals("h\u00e9llo".toCharArray(), read("\"h\\u00e9llo\"", JsonRead::charArray));
    assertArrayEquals(new int[0], read("[]", JsonRead::intArray));
  }

  @Test
  void primitiveArraysOfNullAreNull() throws IOException {
    for (JsonReader<?> reader : List.<JsonReader<?>>of(JsonRead::intArray, JsonRead::longArray,
        JsonRead::shortArray, JsonRead::byteArray, JsonRead::doubleArray, JsonRead::floatArray,
        JsonRead::booleanArray, JsonRead::charArray)) {
      assertNull(read("null", reader));
    }
  }

  @Test
  void primitiveArraysRejectNullElementsAtTheirIndex() {
    assertFailure("[1, null]", JsonRead::intArray, "[1]", "must not be null");
    assertFailure("[true, false, null]", JsonRead::booleanArray, "[2]", "must not be null");
    assertFailure("[1, 2, 128]", JsonRead::byteArray, "[2]", "value 128 is out of range for byte");
    assertFailure("[0.5, 1e999]", JsonRead::doubleArray, "[1]", "value 1e999 is out of range for double");
  }

  @Test
  void byteArraysAreNumbersNotBase64() {
    assertFailure("\"AQID\"", JsonRead::byteArray, "", "expected an array but got a string");
  }

  @Test
  void charArraysAreStrings() {
    assertFailure("[\"a\"]", JsonRead::charArray, "", "expected a string but got an array");
  }

  @Test
  void nonArraysAreRejected() {
    assertFailure("{}", p -> JsonRead.list(p, JsonRead.INT), "", "expected an array but got an object");
    assertFailure("\"[]\"", p -> JsonRead.set(p, JsonRead.INT), "", "expected an array but got a string");
    assertFailure("1", p -> JsonRead.array(p, JsonRead.INT, Integer[]::new), "", "expected an array but got an integer");
    assertFailure("true", JsonRead::intArray, "", "expected an array but got a boolean");
    assertFailure("[]", p -> JsonRead.map(p, JsonRead.INT), "", "expected an object but got an array");
  }

  @Test
  void anyReadsPlainJavaValues() throws IOException {
    Object value = read("{\"s\":\"x\",\"i\":1,\"l\":3000000000,\"b\":" + "9".repeat(30)
        + ",\"d\":1.5,\"big\":1e400,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,[]],\"o\":{}}", JsonRead::any);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("s", "x");
    expected.put("i", 1);
    expected.put("l", 3_000_000_000L);
    expected.put("b", new BigInteger("9".repeat(30)));
    expected.put("d", 1.5);
    expected.put("big", new BigDecimal("1e400"));
    expected.put("t", true);
    expected.put("f", false);
    expected.put("n", null);
    expected.put("a", List.of(1, List.of()));
    expected.put("o", Map.of());
    assertEquals(expected, value);
    assertInstanceOf(LinkedHashMap.class, value);
    assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(((Map<?, ?>) value).keySet()));
    assertNull(read("null", JsonRead::any));
  }
}
