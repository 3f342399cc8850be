package com.example.shop;

import dev.streamer.core.validation.Constraints;
import dev.streamer.core.validation.Path;
import dev.streamer.core.validation.Validator;
import dev.streamer.core.validation.Violations;
import javax.annotation.processing.Generated;

/**
 * Validator of record {@link Address}.
 *
 * <p>Generated from its component constraints: reports every violation with its
 * path, constraint and message. No reflection.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class AddressValidator implements Validator<Address> {
  public static final AddressValidator INSTANCE = new AddressValidator();

  private AddressValidator() {
  }

  @Override
  public void validate(Address value, Path path, Violations out) {
    String street = value.street();
    if (street == null || Constraints.isBlank(street)) {
      out.add(path.fieldText("street"), "NotBlank", Constraints.MSG_NOT_BLANK);
    }
  }
}
