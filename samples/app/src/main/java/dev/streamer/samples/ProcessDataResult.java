package dev.streamer.samples;

import java.math.BigDecimal;
import java.util.Map;

/** Result of {@code process_data}. Quantities are summed in {@code long}: a sum of {@code int}s can overflow. */
public record ProcessDataResult(
    String datasetId, int itemCount, long totalQuantity, BigDecimal totalValue, Map<String, Long> quantityBySku) {}
