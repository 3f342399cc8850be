package dev.streamer.runtime.aws.internal.auth;

/**
 * Why a token was refused. Logged for operators; the client only ever sees 401 {@code UNAUTHORIZED}, so that a
 * caller cannot probe which check failed.
 */
public enum AuthFailure {
  /** No token in the Authorization header, the {@code token} query parameter or the subprotocol. */
  MISSING_TOKEN,
  /** Not a decodable JWT (or absurdly long). */
  MALFORMED_TOKEN,
  /** The header names an algorithm other than the pinned one ({@code none}, HS/RS or ES/RS confusion). */
  ALGORITHM_NOT_ALLOWED,
  /** The signature does not verify with the configured key. */
  BAD_SIGNATURE,
  /** JWKS: no key with the token's {@code kid}, or the key is unusable for the pinned algorithm. */
  UNKNOWN_KEY,
  /** JWKS: the key set could not be fetched (network, rate limit). A server-side fault, logged as an error. */
  KEY_UNAVAILABLE,
  /** {@code exp} passed (beyond the leeway). */
  EXPIRED,
  /** {@code nbf} in the future (beyond the leeway). */
  NOT_YET_VALID,
  /** {@code iss} is not the configured issuer. */
  WRONG_ISSUER,
  /** {@code aud} holds none of the configured audiences. */
  WRONG_AUDIENCE,
  /** A required claim ({@code exp}, the user claim, the tenant claim) is absent or blank. */
  MISSING_CLAIM,
  /** A claim has the wrong type or an unacceptable value (for example {@code iat} in the future). */
  INVALID_CLAIM,
  /** The tenant is not on the allow-list. */
  TENANT_NOT_ALLOWED
}
