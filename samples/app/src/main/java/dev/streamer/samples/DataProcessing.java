package dev.streamer.samples;

import dev.streamer.annotations.Action;
import dev.streamer.core.StreamerException;
import dev.streamer.core.protocol.ErrorCode;
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
    for (int i = 0; i < request.items().size(); i++) {
      LineItem item = request.items().get(i);
      if (item == null) { // as in Bean Validation, @Valid skips null elements: the action has to reject them
        throw new StreamerException(ErrorCode.VALIDATION_ERROR, "items[" + i + "] must not be null",
            Map.of("path", "items[" + i + "]"), null);
      }
      totalQuantity += item.quantity();
      totalValue = totalValue.add(item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())));
      bySku.merge(item.sku(), item.quantity(), Integer::sum);
    }
    return new ProcessDataResult(request.datasetId(), request.items().size(), totalQuantity, totalValue, bySku);
  }
}
