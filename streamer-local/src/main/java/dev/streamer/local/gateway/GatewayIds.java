package dev.streamer.local.gateway;

import java.security.SecureRandom;
import java.util.Base64;

/** Ids shaped like API Gateway's: 16 characters of (URL-safe) base64 of 11 random bytes, such as {@code Fz0mVc1OIAMCJYw=}. */
final class GatewayIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private GatewayIds() {}

  static String next() {
    byte[] bytes = new byte[11];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().encodeToString(bytes);
  }
}
