package dev.streamer.client;

/** Where the client puts its JWT on the WebSocket handshake. */
public enum TokenPlacement {
  /** {@code ?token=…}: works everywhere, including browsers. */
  QUERY,
  /** {@code Authorization: Bearer …}: keeps the token out of URLs and access logs; not possible from browsers. */
  HEADER
}
