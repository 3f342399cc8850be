package dev.streamer.test.quotes;

import dev.streamer.annotations.Action;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.RetryableException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test kit's fixture: a small app as a newcomer would write it (compiled by the processor with
 * {@code -Astreamer.app=Quotes}), with a sync action, an async action with progress, and an async action whose
 * supplier is busy on the first try.
 */
public class Quotes {

  /** The supplier asks to be called again no sooner than this: longer than any test waits in real time. */
  public static final Duration SUPPLIER_BUSY_FOR = Duration.ofMinutes(10);

  private final Map<String, Integer> supplierCalls = new ConcurrentHashMap<>();

  @Action(description = "Prices a quantity of one sku.")
  public Price quotePrice(PriceRequest request, RequestContext context) {
    return new Price(request.sku(), request.quantity(), unitCents(request.sku()) * request.quantity(),
        context.userId());
  }

  @Action(estimated = "1m", description = "Prices one of each sku, reporting progress per sku.")
  public BatchQuote quoteBatch(BatchRequest request, Progress progress) throws InterruptedException {
    long total = 0;
    int count = 0;
    for (String sku : request.skus()) {
      if (progress.isCancelled()) {
        break;
      }
      Thread.sleep(25); // asking the price list
      total += unitCents(sku);
      count++;
      progress.report((double) count / request.skus().size(), "priced " + sku);
    }
    return new BatchQuote(count, total);
  }

  @Action(estimated = "30s", description = "Orders stock; the supplier is busy on the first call per sku.")
  public Confirmation orderStock(StockOrder order) {
    int attempt = supplierCalls.merge(order.sku(), 1, Integer::sum);
    if (attempt == 1) {
      throw new RetryableException("supplier busy", SUPPLIER_BUSY_FOR, null);
    }
    return new Confirmation(order.sku(), order.quantity(), attempt);
  }

  /** A made-up price list: 100 to 1099 cents, by sku. */
  static long unitCents(String sku) {
    return 100 + Math.floorMod(sku.hashCode(), 1000);
  }
}
