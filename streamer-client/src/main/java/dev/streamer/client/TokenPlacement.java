package dev.streamer.client;

/** Where the client puts its JWT on the WebSocket handshake. */
public enum TokenPlacement {
  /**
   * {@code ?token=…}: works everywhere, including browsers, for tokens that keep the URL within API Gateway's 4096
   * characters ({@code Limits.MAX_URL_CHARS}); a longer URL fails {@code connect()} with {@code VALIDATION_ERROR}.
   */
  QUERY,
  /** {@code Authorization: Bearer …}: keeps the token out of URLs and access logs; not possible from browsers. */
  HEADER
}
