package dev.streamer.core.routing;

import java.util.Optional;

/**
 * Who is behind a connection: the user, tenant and kept claims stored when it connected. Never taken from the
 * message itself, which the client controls. The AWS runtime's connections table implements it
 * ({@code ConnectionStore}: expired records count as unknown); tests and local stacks may give their own.
 */
@FunctionalInterface
public interface CallerResolver {

  /** The caller of {@code connectionId} with {@code traceId} attached, or empty for an unknown connection. */
  Optional<Caller> resolve(String connectionId, String traceId);
}
