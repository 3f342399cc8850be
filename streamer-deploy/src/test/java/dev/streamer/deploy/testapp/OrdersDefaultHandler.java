package dev.streamer.deploy.testapp;

/** Stands in for the generated handler class of the same name; only its name matters to the generator. */
public final class OrdersDefaultHandler {
  static {
    if (true) {
      throw new IllegalStateException("the generator must not initialise handler classes");
    }
  }
}
