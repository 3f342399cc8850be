package dev.streamer.processor.model;

/** What a handler-method parameter receives. */
public enum ParamKind {
  /** The decoded payload record. */
  PAYLOAD,
  /** The {@code dev.streamer.runtime.Progress} reporter. */
  PROGRESS,
  /** The {@code dev.streamer.runtime.RequestContext}. */
  CONTEXT
}
