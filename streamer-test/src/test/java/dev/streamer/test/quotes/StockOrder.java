package dev.streamer.test.quotes;

import dev.streamer.annotations.Min;
import dev.streamer.annotations.NotBlank;

/** Stock to order from the supplier. */
public record StockOrder(@NotBlank String sku, @Min(1) int quantity) {}
