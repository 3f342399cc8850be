package dev.streamer.samples;

import dev.streamer.annotations.Action;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Totals a data set. Runs synchronously unless {@link ProcessDataRequest#large()} says otherwise. */
public final class DataProcessing {

  @Action(estimated = "2s", description = "Totals a data set of line items.")
  public ProcessDataResult processData(ProcessDataRequest request) {
    int totalQuantity = 0;
    BigDecimal totalValue = BigDecimal.ZERO;
    Map<String, Integer> bySku = new TreeMap<>();
    for (LineItem item : request.items()) {
      totalQuantity += item.quantity();
      totalValue = totalValue.add(item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())));
      bySku.merge(item.sku(), item.quantity(), Integer::sum);
    }
    return new ProcessDataResult(request.datasetId(), request.items().size(), totalQuantity, totalValue, bySku);
  }
}
