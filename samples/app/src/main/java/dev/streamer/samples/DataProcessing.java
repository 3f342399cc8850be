package dev.streamer.samples;

import dev.streamer.annotations.Action;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Totals a data set. Runs synchronously unless {@link ProcessDataRequest#large()} says otherwise. */
public final class DataProcessing {

  /**
   * Sums in {@code long}: at most {@link ProcessDataRequest#MAX_ITEMS} quantities of at most
   * {@code Integer.MAX_VALUE} each stay below 2^44, far from {@code Long.MAX_VALUE}. The payload is validated
   * before this runs ({@code List<@NotNull @Valid LineItem>}): no item is null, every quantity is at least 1.
   */
  @Action(estimated = "2s", description = "Totals a data set of line items.")
  public ProcessDataResult processData(ProcessDataRequest request) {
    long totalQuantity = 0;
    BigDecimal totalValue = BigDecimal.ZERO;
    Map<String, Long> bySku = new TreeMap<>();
    for (LineItem item : request.items()) {
      totalQuantity += item.quantity();
      totalValue = totalValue.add(item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())));
      bySku.merge(item.sku(), (long) item.quantity(), Long::sum);
    }
    return new ProcessDataResult(request.datasetId(), request.items().size(), totalQuantity, totalValue, bySku);
  }
}
