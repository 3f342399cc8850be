package com.example.shop.reports;

import dev.streamer.annotations.Action;
import dev.streamer.core.Progress;
import java.io.IOException;
import java.util.Map;

public class Reports {

  @Action(estimated = "2m", description = "Builds a sales report", rateLimit = "20/1m", tenantRateLimit = "1000/1h")
  public Map<String, Object> generateReport(ReportRequest request, Progress progress) throws IOException {
    progress.report(1.0, "done");
    return Map.of("rows", request.recordCount());
  }

  @Action(estimated = "10m", isolated = true, description = "Exports the sales of a long period in its own worker")
  public Map<String, Object> exportSales(ReportRequest request, Progress progress) {
    progress.report(1.0, "exported");
    return Map.of("rows", request.recordCount());
  }

  @Action(estimated = "250ms")
  public int countOrders() {
    return 42;
  }
}
