package dev.streamer.runtime.aws.internal.auth;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jose4j.http.Get;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The key set of {@code JWT_JWKS_URL}, fetched and parsed by jose4j's {@link HttpsJwks}. The set is cached for
 * {@value #CACHE_SECONDS} s; a {@code kid} missing from the cached set triggers a refresh, at most
 * {@value #MAX_REFRESHES_PER_MINUTE} a minute, so a client sending made-up key ids cannot make the function fetch
 * without bound. Thread-safe.
 */
final class JwksKeys {

  static final long CACHE_SECONDS = 600;
  static final int MAX_REFRESHES_PER_MINUTE = 10;
  private static final int TIMEOUT_MS = 3000;
  /** A key set is a few KB; refuse to read more than this. */
  private static final int MAX_BODY_BYTES = 512 * 1024;

  private final HttpsJwks jwks;
  private final Deque<Long> refreshes = new ArrayDeque<>();

  JwksKeys(URI url) {
    Get get = new Get();
    get.setConnectTimeout(TIMEOUT_MS);
    get.setReadTimeout(TIMEOUT_MS);
    get.setResponseBodySizeLimit(MAX_BODY_BYTES);
    this.jwks = new HttpsJwks(url.toString());
    this.jwks.setSimpleHttpGet(get);
    this.jwks.setDefaultCacheDuration(CACHE_SECONDS);
  }

  /**
   * The key with id {@code keyId}, or null when the set (refreshed once if allowed) has none.
   *
   * @throws IOException   the set could not be fetched
   * @throws JoseException the set could not be parsed
   */
  JsonWebKey find(String keyId) throws IOException, JoseException {
    JsonWebKey key = byId(jwks.getJsonWebKeys(), keyId);
    if (key == null && mayRefresh()) {
      jwks.refresh();
      key = byId(jwks.getJsonWebKeys(), keyId);
    }
    return key;
  }

  private synchronized boolean mayRefresh() {
    long now = System.nanoTime();
    while (!refreshes.isEmpty() && now - refreshes.peekFirst() > 60_000_000_000L) {
      refreshes.removeFirst();
    }
    if (refreshes.size() >= MAX_REFRESHES_PER_MINUTE) {
      return false;
    }
    refreshes.addLast(now);
    return true;
  }

  private static JsonWebKey byId(List<JsonWebKey> keys, String keyId) {
    for (JsonWebKey key : keys) {
      if (keyId.equals(key.getKeyId())) {
        return key;
      }
    }
    return null;
  }
}
