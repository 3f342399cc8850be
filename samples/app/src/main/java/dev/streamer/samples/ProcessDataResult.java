package dev.streamer.samples;

import java.math.BigDecimal;
import java.util.Map;

/** Result of {@code process_data}. */
public record ProcessDataResult(
    String datasetId, int itemCount, int totalQuantity, BigDecimal totalValue, Map<String, Integer> quantityBySku) {}
