package com.example.shop.reports;

import dev.streamer.core.validation.Constraints;
import dev.streamer.core.validation.Path;
import dev.streamer.core.validation.Validator;
import dev.streamer.core.validation.Violations;
import java.time.LocalDate;
import javax.annotation.processing.Generated;

/**
 * Validator of record {@link ReportRequest}.
 *
 * <p>Generated from its component constraints: reports every violation with its
 * path, constraint and message. No reflection.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ReportRequestValidator implements Validator<ReportRequest> {
  public static final ReportRequestValidator INSTANCE = new ReportRequestValidator();

  private ReportRequestValidator() {
  }

  @Override
  public void validate(ReportRequest value, Path path, Violations out) {
    LocalDate from = value.from();
    if (from == null) {
      out.add(path.fieldText("from"), "NotNull", Constraints.MSG_NOT_NULL);
    }
    LocalDate to = value.to();
    if (to == null) {
      out.add(path.fieldText("to"), "NotNull", Constraints.MSG_NOT_NULL);
    }
    Integer recordCount = value.recordCount();
    if (recordCount != null && recordCount < 1L) {
      out.add(path.fieldText("recordCount"), "Min", Constraints.min(1L));
    }
  }
}
