package dev.streamer.samples;

import dev.streamer.annotations.Min;
import dev.streamer.annotations.NotBlank;
import dev.streamer.annotations.NotNull;
import dev.streamer.annotations.Positive;
import dev.streamer.annotations.Size;
import java.math.BigDecimal;
import java.util.Set;

/** One line of a data set. */
public record LineItem(
    @NotBlank @Size(max = 64) String sku,
    @Min(1) int quantity,
    @NotNull @Positive BigDecimal unitPrice,
    Set<String> labels) {}
