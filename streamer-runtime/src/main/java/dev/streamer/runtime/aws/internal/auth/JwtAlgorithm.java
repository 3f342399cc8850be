package dev.streamer.runtime.aws.internal.auth;

/** The signature algorithms a deployment can pin. Exactly one is accepted; a token naming another is rejected. */
public enum JwtAlgorithm {
  /** HMAC with SHA-256 and a shared secret. */
  HS256,
  /** RSASSA-PKCS1-v1_5 with SHA-256 and an RSA public key (at least 2048 bits). */
  RS256,
  /** ECDSA on P-256 with SHA-256. */
  ES256;

  /** True for the algorithms verified with a public key (from PEM or from a JWKS). */
  public boolean usesPublicKey() {
    return this != HS256;
  }
}
