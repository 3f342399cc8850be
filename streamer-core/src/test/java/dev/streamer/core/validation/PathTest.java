package dev.streamer.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PathTest {

  @Test
  void fieldsIndexesAndMapKeys() {
    assertEquals("", Path.ROOT.toString());
    assertEquals("lines[2]", Path.ROOT.field("lines").index(2).toString());
    assertEquals("quantities[sku-1]", Path.ROOT.field("quantities").key("sku-1").toString());
    assertEquals("order.quantities[a.b][0].n", Path.ROOT.field("order").field("quantities").key("a.b").index(0)
        .field("n").toString());
    assertEquals("[k]", Path.ROOT.key("k").toString());
    assertEquals("lines[0].sku", Path.ROOT.field("lines").index(0).fieldText("sku"));
  }
}
