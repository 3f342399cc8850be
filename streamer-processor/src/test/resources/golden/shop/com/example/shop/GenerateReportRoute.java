package com.example.shop;

import com.example.shop.reports.ReportRequest;
import com.example.shop.reports.ReportRequestJson;
import com.example.shop.reports.ReportRequestValidator;
import com.example.shop.reports.Reports;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.json.JsonWrite;
import dev.streamer.core.limits.RateLimit;
import dev.streamer.core.routing.ActionRoute;
import dev.streamer.core.routing.RouteExample;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Route of action {@code generate_report}: calls {@link Reports#generateReport}.
 *
 * <p>Builds a sales report
 *
 * <p>Asynchronous: its estimate is above the async threshold, so requests are queued.
 *
 * <p>The result is written by {@code JsonWrite.any} (Jackson databind fallback for POJOs).
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class GenerateReportRoute extends ActionRoute<ReportRequest, Map<String, Object>> {
  public static final String ACTION = "generate_report";

  public static final String DESCRIPTION = "Builds a sales report";

  public static final long ESTIMATED_MILLIS = 120000L;

  public static final boolean ASYNC = true;

  /**
   * {@code 20/1m}
   */
  public static final RateLimit RATE_LIMIT = RateLimit.of(20L, 60L);

  /**
   * {@code 1000/1h}
   */
  public static final RateLimit TENANT_RATE_LIMIT = RateLimit.of(1000L, 3600L);

  private final Reports handler;

  public GenerateReportRoute(Reports handler) {
    super(ACTION, DESCRIPTION, ESTIMATED_MILLIS, ASYNC, ReportRequestJson.READER, ReportRequestValidator.INSTANCE,
        JsonWrite.ANY);
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public RateLimit rateLimit() {
    return RATE_LIMIT;
  }

  @Override
  public RateLimit tenantRateLimit() {
    return TENANT_RATE_LIMIT;
  }

  @Override
  public Map<String, Object> invoke(ReportRequest payload, RequestContext context,
      Progress progress) throws Exception {
    return handler.generateReport(payload, progress);
  }

  @Override
  protected RouteExample<Map<String, Object>> example() {
    return new RouteExample<>("{\"from\":\"1970-01-01\",\"to\":\"1970-01-01\",\"recordCount\":0}", null,
        null);
  }
}
