package dev.streamer.local.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamer.runtime.aws.tables.StreamerTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The console's request list reads one index query per status; they are not one snapshot. */
class StoreViewsTest {

  private static Map<String, AttributeValue> key(String id, long createdAt) {
    return Map.of(StreamerTables.REQUEST_ID, AttributeValue.fromS(id),
        StreamerTables.CREATED_AT, AttributeValue.fromN(Long.toString(createdAt)));
  }

  private static List<String> ids(List<Map<String, AttributeValue>> keys) {
    return keys.stream().map(k -> k.get(StreamerTables.REQUEST_ID).s()).toList();
  }

  @Test
  void aRequestListedUnderTwoStatusesIsReadOnceNewestFirst() {
    // "b" moved from PENDING to PROCESSING between the two queries: both list it
    List<Map<String, AttributeValue>> keys = List.of(key("a", 1), key("b", 2), key("c", 3), key("b", 2));
    assertEquals(List.of("c", "b", "a"), ids(StoreViews.newestDistinct(keys, 10)));
  }

  @Test
  void theLimitCountsDistinctRequests() {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      keys.add(key("r" + i, i));
      keys.add(key("r" + i, i)); // every request twice
    }
    assertEquals(List.of("r4", "r3", "r2"), ids(StoreViews.newestDistinct(keys, 3)));
    assertEquals(List.of(), StoreViews.newestDistinct(List.of(), 3));
  }
}
