package dev.streamer.runtime.aws.internal.auth;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the public key of RS256/ES256 from PEM: {@code -----BEGIN PUBLIC KEY-----} (SubjectPublicKeyInfo, what
 * {@code openssl pkey -pubout} writes) or {@code -----BEGIN CERTIFICATE-----}. Environment variables often carry
 * PEM on one line with literal {@code \n}; those are accepted.
 */
final class PemPublicKeys {

  /** RSA keys below this size are refused (NIST SP 800-131A). */
  static final int MIN_RSA_BITS = 2048;

  private PemPublicKeys() {}

  /** The key in {@code pem}, checked to fit {@code algorithm}; errors name {@code variable} and never quote the key. */
  static PublicKey parse(String pem, JwtAlgorithm algorithm, String variable) {
    String text = pem.replace("\\n", "\n").trim();
    PublicKey key;
    try {
      if (text.contains("-----BEGIN CERTIFICATE-----")) {
        key = CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
            .getPublicKey();
      } else if (text.contains("-----BEGIN RSA PUBLIC KEY-----")) {
        throw new IllegalArgumentException(variable + ": PKCS#1 'RSA PUBLIC KEY' is not supported; convert it with "
            + "'openssl rsa -RSAPublicKey_in -pubout' to a 'PUBLIC KEY'");
      } else {
        byte[] der = Base64.getMimeDecoder().decode(text
            .replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", ""));
        key = KeyFactory.getInstance(algorithm == JwtAlgorithm.RS256 ? "RSA" : "EC")
            .generatePublic(new X509EncodedKeySpec(der));
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith(variable)) {
        throw (IllegalArgumentException) e;
      }
      throw new IllegalArgumentException(variable + ": not a PEM public key or certificate usable for " + algorithm);
    }
    checkFits(key, algorithm, variable);
    return key;
  }

  /** Refuses a key of the wrong type or strength for {@code algorithm}. */
  static void checkFits(PublicKey key, JwtAlgorithm algorithm, String source) {
    switch (algorithm) {
      case RS256 -> {
        if (!(key instanceof RSAPublicKey rsa)) {
          throw new IllegalArgumentException(source + ": RS256 needs an RSA key, got " + key.getAlgorithm());
        }
        if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
          throw new IllegalArgumentException(source + ": RSA key of " + rsa.getModulus().bitLength()
              + " bits; at least " + MIN_RSA_BITS + " required");
        }
      }
      case ES256 -> {
        if (!(key instanceof ECPublicKey ec)) {
          throw new IllegalArgumentException(source + ": ES256 needs an EC key, got " + key.getAlgorithm());
        }
        if (ec.getParams().getCurve().getField().getFieldSize() != 256) {
          throw new IllegalArgumentException(source + ": ES256 needs a P-256 key");
        }
      }
      case HS256 -> throw new IllegalArgumentException(source + ": HS256 uses a secret, not a public key");
    }
  }
}
