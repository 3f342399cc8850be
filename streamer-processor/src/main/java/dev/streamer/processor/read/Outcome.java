package dev.streamer.processor.read;

import dev.streamer.processor.diag.Reporter;

/** Diagnostics and flags gathered while reading one element: its problems are reported only if it is used. */
final class Outcome {
  final Reporter problems = new Reporter();
  /** A type is an error type: maybe another processor generates it in a later round. */
  boolean unresolved;
  /** A type is not supported by the generated codecs. */
  boolean unsupported;

  boolean ok() {
    return !unresolved && !unsupported && !problems.hasErrors();
  }
}
