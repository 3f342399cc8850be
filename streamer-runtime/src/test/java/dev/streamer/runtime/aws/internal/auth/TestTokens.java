package dev.streamer.runtime.aws.internal.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/** Keys and token builders for auth tests; keys are generated once per JVM. */
public final class TestTokens {

  public static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";
  public static final KeyPair RSA = generate("RSA", 2048);
  public static final KeyPair OTHER_RSA = generate("RSA", 2048);
  public static final KeyPair EC = generateEc();

  private TestTokens() {}

  /** A builder with sub, tenant_id and exp one hour after {@code now}. */
  public static JWTCreator.Builder valid(Instant now) {
    return JWT.create()
        .withSubject("user-1")
        .withClaim("tenant_id", "tenant-1")
        .withIssuedAt(now)
        .withExpiresAt(now.plusSeconds(3600));
  }

  public static Algorithm hs256() {
    return Algorithm.HMAC256(SECRET);
  }

  public static Algorithm rs256(KeyPair pair) {
    return Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
  }

  public static Algorithm es256(KeyPair pair) {
    return Algorithm.ECDSA256((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
  }

  /** SubjectPublicKeyInfo PEM, as {@code openssl pkey -pubout} writes it. */
  public static String pem(PublicKey key) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
  }

  /** One JWK (RFC 7517) of {@code key}. */
  public static String jwk(PublicKey key, String kid, String alg) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    if (key instanceof RSAPublicKey rsa) {
      return "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"use\":\"sig\",\"alg\":\"" + alg + "\",\"n\":\""
          + b64.encodeToString(unsigned(rsa.getModulus(), 0)) + "\",\"e\":\""
          + b64.encodeToString(unsigned(rsa.getPublicExponent(), 0)) + "\"}";
    }
    ECPublicKey ec = (ECPublicKey) key;
    return "{\"kty\":\"EC\",\"kid\":\"" + kid + "\",\"use\":\"sig\",\"alg\":\"" + alg + "\",\"crv\":\"P-256\",\"x\":\""
        + b64.encodeToString(unsigned(ec.getW().getAffineX(), 32)) + "\",\"y\":\""
        + b64.encodeToString(unsigned(ec.getW().getAffineY(), 32)) + "\"}";
  }

  /** Big-endian magnitude, left-padded to {@code length} bytes when length > 0. */
  private static byte[] unsigned(BigInteger value, int length) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    if (length > bytes.length) {
      byte[] padded = new byte[length];
      System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
      return padded;
    }
    return bytes;
  }

  private static KeyPair generate(String algorithm, int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair generateEc() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
