package com.example.shop;

import com.example.shop.reports.ReportRequest;
import com.example.shop.reports.ReportRequestJson;
import com.example.shop.reports.ReportRequestValidator;
import com.example.shop.reports.Reports;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.json.JsonDecodeException;
import dev.streamer.core.json.JsonWrite;
import dev.streamer.core.limits.RateLimit;
import dev.streamer.core.routing.Route;
import dev.streamer.core.validation.Path;
import dev.streamer.core.validation.Violations;
import java.io.IOException;
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
public final class GenerateReportRoute implements Route<ReportRequest, Map<String, Object>> {
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
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public String action() {
    return ACTION;
  }

  @Override
  public String description() {
    return DESCRIPTION;
  }

  @Override
  public long estimatedMillis() {
    return ESTIMATED_MILLIS;
  }

  @Override
  public boolean async() {
    return ASYNC;
  }

  @Override
  public ReportRequest decode(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null || token == JsonToken.VALUE_NULL) {
      throw new JsonDecodeException("", "payload is required");
    }
    return ReportRequestJson.read(parser);
  }

  @Override
  public void validate(ReportRequest payload, Violations violations) {
    ReportRequestValidator.INSTANCE.validate(payload, Path.ROOT, violations);
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
  public void writeResult(Map<String, Object> result, JsonGenerator generator) throws IOException {
    JsonWrite.any(generator, result);
  }
}
