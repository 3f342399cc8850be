package dev.streamer.runtime.aws.internal.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items read back from the requests table, including ones a person or an older version wrote by hand. */
class RequestItemCodecTest {

  private static Map<String, AttributeValue> item() {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(RequestAttributes.REQUEST_ID, AttributeValue.fromS("r-1"));
    item.put(RequestAttributes.STATUS, AttributeValue.fromS("PROCESSING"));
    item.put(RequestAttributes.ACTION, AttributeValue.fromS("report"));
    return item;
  }

  @Test
  void numericAttributesOfAnotherTypeReadAsAbsentAlike() {
    Map<String, AttributeValue> item = item();
    item.put(RequestAttributes.PROGRESS, AttributeValue.fromN("0.25"));
    assertEquals(0.25, RequestItemCodec.fromItem(item).progress());

    // An attribute of the wrong DynamoDB type has no number: absent, as attempts and times are (it was an NPE).
    item.put(RequestAttributes.PROGRESS, AttributeValue.fromS("half"));
    item.put(RequestAttributes.ATTEMPTS, AttributeValue.fromS("two"));
    RequestRecord read = RequestItemCodec.fromItem(item);
    assertNull(read.progress());
    assertEquals(0, read.attempts());
  }

  @Test
  void malformedOrMissingRequiredAttributesAreIllegalArguments() {
    Map<String, AttributeValue> badNumber = item();
    badNumber.put(RequestAttributes.PROGRESS, AttributeValue.fromN("not a number"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RequestItemCodec.fromItem(badNumber));
    assertTrue(e.getMessage().contains("malformed requests item"), e.getMessage());

    Map<String, AttributeValue> noStatus = item();
    noStatus.remove(RequestAttributes.STATUS);
    assertThrows(IllegalArgumentException.class, () -> RequestItemCodec.fromItem(noStatus));

    Map<String, AttributeValue> unknownStatus = item();
    unknownStatus.put(RequestAttributes.STATUS, AttributeValue.fromS("SLEEPING"));
    assertThrows(IllegalArgumentException.class, () -> RequestItemCodec.fromItem(unknownStatus));
  }
}
