package dev.streamer.runtime.aws.internal.processor;

import dev.streamer.runtime.aws.internal.requests.RequestRecord;

/** Opens the progress reporter of one claimed attempt (throttled sends plus throttled writes to the item). */
@FunctionalInterface
public interface JobProgressFactory {

  /**
   * A reporter for {@code claimed}, whose {@code attempts} identifies the attempt and whose {@code progress} (from
   * earlier attempts) is where reports start: lower ones are dropped. Its writes renew {@code lease}.
   */
  JobProgress open(RequestRecord claimed, Lease lease);
}
