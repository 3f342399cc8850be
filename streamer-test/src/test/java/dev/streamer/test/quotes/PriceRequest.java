package dev.streamer.test.quotes;

import dev.streamer.annotations.Max;
import dev.streamer.annotations.Min;
import dev.streamer.annotations.NotBlank;

/** What a customer asks a price for. */
public record PriceRequest(@NotBlank String sku, @Min(1) @Max(1000) int quantity) {}
