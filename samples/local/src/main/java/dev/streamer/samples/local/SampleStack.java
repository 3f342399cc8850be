package dev.streamer.samples.local;

import dev.streamer.local.LocalStack;
import dev.streamer.samples.SampleConnectHandler;
import dev.streamer.samples.SampleDefaultHandler;
import dev.streamer.samples.SampleDisconnectHandler;
import dev.streamer.samples.SampleStreamProcessor;
import dev.streamer.samples.SampleSweeper;
import dev.streamer.samples.SampleWorkerHandler;

/** The sample app's six generated Lambda handlers, wired into a {@link LocalStack}. */
public final class SampleStack {

  private SampleStack() {}

  /** A stack builder with the generated handlers; add settings and {@code start()} it. */
  public static LocalStack.Builder builder() {
    return LocalStack.builder()
        .connect(SampleConnectHandler::new)
        .message(SampleDefaultHandler::new)
        .disconnect(SampleDisconnectHandler::new)
        .processor(SampleStreamProcessor::new)
        .sweeper(SampleSweeper::new)
        .worker(SampleWorkerHandler::new);
  }
}
