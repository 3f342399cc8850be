package dev.streamer.runtime.aws.internal.auth;

import static dev.streamer.runtime.aws.internal.auth.JwtVerifierTest.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keys fetched over real HTTP from a JWKS endpoint on localhost. */
class JwksVerifierTest {

  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private HttpServer server;
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile String keySet;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/.well-known/jwks.json", exchange -> {
      fetches.incrementAndGet();
      byte[] body = keySet.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    keySet = "{\"keys\":[" + TestTokens.jwk(TestTokens.OTHER_RSA.getPublic(), "old", "RS256") + ","
        + TestTokens.jwk(TestTokens.RSA.getPublic(), "current", "RS256") + ","
        + TestTokens.jwk(TestTokens.EC.getPublic(), "ec-1", "ES256") + "]}";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
  }

  private JwtVerifier verifier(JwtAlgorithm algorithm) {
    return new JwtVerifier(JwtConfig.builder(algorithm).jwksUrl(url()).build(), CLOCK);
  }

  @Test
  void picksTheKeyByKidAndCachesTheSet() throws Exception {
    JwtVerifier rs = verifier(JwtAlgorithm.RS256);
    String current = TestTokens.valid(NOW).withKeyId("current").sign(TestTokens.rs256(TestTokens.RSA));
    String old = TestTokens.valid(NOW).withKeyId("old").withSubject("user-2")
        .sign(TestTokens.rs256(TestTokens.OTHER_RSA));
    assertEquals("user-1", rs.verify(current).userId());
    assertEquals("user-2", rs.verify(old).userId());
    assertEquals("user-1", rs.verify(current).userId());
    assertTrue(fetches.get() <= 2, "keys are cached, fetched " + fetches.get() + " times");
  }

  @Test
  void aKeyUnderAnotherKidDoesNotVerify() {
    String lying = TestTokens.valid(NOW).withKeyId("old").sign(TestTokens.rs256(TestTokens.RSA));
    assertFailure(AuthFailure.BAD_SIGNATURE, verifier(JwtAlgorithm.RS256), lying);
  }

  @Test
  void unknownOrMissingKidIsRefused() {
    JwtVerifier rs = verifier(JwtAlgorithm.RS256);
    assertFailure(AuthFailure.UNKNOWN_KEY, rs,
        TestTokens.valid(NOW).withKeyId("nope").sign(TestTokens.rs256(TestTokens.RSA)));
    assertFailure(AuthFailure.UNKNOWN_KEY, rs, TestTokens.valid(NOW).sign(TestTokens.rs256(TestTokens.RSA)));
  }

  @Test
  void es256KeysComeFromTheSameSetAndRsaKeysAreRefusedForIt() throws Exception {
    JwtVerifier es = verifier(JwtAlgorithm.ES256);
    assertEquals("tenant-1",
        es.verify(TestTokens.valid(NOW).withKeyId("ec-1").sign(TestTokens.es256(TestTokens.EC))).tenantId());
    // a token that names the RSA key but claims ES256: the key does not fit the pinned algorithm
    assertFailure(AuthFailure.UNKNOWN_KEY, es,
        TestTokens.valid(NOW).withKeyId("current").sign(TestTokens.es256(TestTokens.EC)));
  }

  @Test
  void algNoneAndConfusionAreRefusedBeforeAnyFetch() {
    JwtVerifier rs = verifier(JwtAlgorithm.RS256);
    assertFailure(AuthFailure.ALGORITHM_NOT_ALLOWED, rs,
        TestTokens.valid(NOW).withKeyId("current").sign(com.auth0.jwt.algorithms.Algorithm.none()));
    assertFailure(AuthFailure.ALGORITHM_NOT_ALLOWED, rs,
        TestTokens.valid(NOW).withKeyId("current").sign(com.auth0.jwt.algorithms.Algorithm.HMAC256(
            TestTokens.pem(TestTokens.RSA.getPublic()))));
    assertEquals(0, fetches.get());
  }

  @Test
  void anUnreachableKeySetIsAServerFaultNotABadToken() {
    JwtVerifier rs = verifier(JwtAlgorithm.RS256);
    server.stop(0);
    assertFailure(AuthFailure.KEY_UNAVAILABLE, rs,
        TestTokens.valid(NOW).withKeyId("current").sign(TestTokens.rs256(TestTokens.RSA)));
  }
}
