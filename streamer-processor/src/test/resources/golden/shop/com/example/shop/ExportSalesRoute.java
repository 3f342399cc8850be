package com.example.shop;

import com.example.shop.reports.ReportRequest;
import com.example.shop.reports.ReportRequestJson;
import com.example.shop.reports.ReportRequestValidator;
import com.example.shop.reports.Reports;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.json.JsonWrite;
import dev.streamer.core.routing.ActionRoute;
import dev.streamer.core.routing.RouteExample;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Route of action {@code export_sales}: calls {@link Reports#exportSales}.
 *
 * <p>Exports the sales of a long period in its own worker
 *
 * <p>Asynchronous: its estimate is above the async threshold, so requests are queued.
 * Isolated: each request runs in its own invocation of the worker function.
 *
 * <p>The result is written by {@code JsonWrite.any} (Jackson databind fallback for POJOs).
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ExportSalesRoute extends ActionRoute<ReportRequest, Map<String, Object>> {
  public static final String ACTION = "export_sales";

  public static final String DESCRIPTION = "Exports the sales of a long period in its own worker";

  public static final long ESTIMATED_MILLIS = 600000L;

  public static final boolean ASYNC = true;

  private final Reports handler;

  public ExportSalesRoute(Reports handler) {
    super(ACTION, DESCRIPTION, ESTIMATED_MILLIS, ASYNC, ReportRequestJson.READER, ReportRequestValidator.INSTANCE,
        JsonWrite.ANY);
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public boolean isolated() {
    return true;
  }

  @Override
  public Map<String, Object> invoke(ReportRequest payload, RequestContext context,
      Progress progress) throws Exception {
    return handler.exportSales(payload, progress);
  }

  @Override
  protected RouteExample<Map<String, Object>> example() {
    return new RouteExample<>("{\"from\":\"1970-01-01\",\"to\":\"1970-01-01\",\"recordCount\":0}", null,
        null);
  }
}
