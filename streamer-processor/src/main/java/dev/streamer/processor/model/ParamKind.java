package dev.streamer.processor.model;

/** What a handler-method parameter receives. */
public enum ParamKind {
  /** The decoded payload record. */
  PAYLOAD,
  /** The {@code dev.streamer.core.Progress} reporter. */
  PROGRESS,
  /** The {@code dev.streamer.core.RequestContext}. */
  CONTEXT,
  /** The {@code dev.streamer.core.Notifier} of the caller's tenant. */
  NOTIFIER
}
