package com.example.shop.reports;

import dev.streamer.annotations.Min;
import dev.streamer.annotations.NotNull;
import java.time.LocalDate;

public record ReportRequest(@NotNull LocalDate from, @NotNull LocalDate to, @Min(1) Integer recordCount) {}
