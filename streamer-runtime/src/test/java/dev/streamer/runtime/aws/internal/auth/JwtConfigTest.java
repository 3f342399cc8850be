package dev.streamer.runtime.aws.internal.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwtConfigTest {

  @Test
  void hs256FromEnvironmentWithDefaults() {
    JwtConfig config = JwtConfig.fromEnvironment(Map.of("JWT_ALGORITHM", "hs256", "JWT_SECRET", TestTokens.SECRET));
    assertEquals(JwtAlgorithm.HS256, config.algorithm());
    assertArrayEquals(TestTokens.SECRET.getBytes(StandardCharsets.UTF_8), config.secret());
    assertEquals(Duration.ofSeconds(30), config.leeway());
    assertEquals("sub", config.userClaim());
    assertEquals("tenant_id", config.tenantClaim());
    assertTrue(config.allowedTenants().isEmpty());
    assertTrue(config.issuers().isEmpty());
    assertFalse(config.toString().contains(TestTokens.SECRET), "toString hides the secret");
  }

  @Test
  void everyVariableIsRead() {
    Map<String, String> env = new HashMap<>();
    env.put("JWT_ALGORITHM", "RS256");
    env.put("JWT_PUBLIC_KEY", TestTokens.pem(TestTokens.RSA.getPublic()).replace("\n", "\\n"));
    env.put("JWT_ISSUER", "https://a.example, https://b.example");
    env.put("JWT_AUDIENCE", "api");
    env.put("JWT_LEEWAY", "5s");
    env.put("JWT_USER_CLAIM", "uid");
    env.put("JWT_TENANT_CLAIM", "org");
    env.put("ALLOWED_TENANTS", "t1, t2,,");
    env.put("JWT_KEEP_CLAIMS", "email,roles");
    JwtConfig config = JwtConfig.fromEnvironment(env);
    assertEquals(TestTokens.RSA.getPublic(), config.publicKey());
    assertEquals(List.of("https://a.example", "https://b.example"), config.issuers());
    assertEquals(List.of("api"), config.audiences());
    assertEquals(Duration.ofSeconds(5), config.leeway());
    assertEquals("uid", config.userClaim());
    assertEquals("org", config.tenantClaim());
    assertEquals(Set.of("t1", "t2"), config.allowedTenants());
    assertEquals(List.of("email", "roles"), config.keptClaims());
  }

  @Test
  void es256PemAndJwks() {
    assertNotNull(JwtConfig.fromEnvironment(Map.of("JWT_ALGORITHM", "ES256",
        "JWT_PUBLIC_KEY", TestTokens.pem(TestTokens.EC.getPublic()))).publicKey());
    assertEquals("https://idp.example/.well-known/jwks.json", JwtConfig.fromEnvironment(Map.of(
        "JWT_ALGORITHM", "RS256", "JWT_JWKS_URL", "https://idp.example/.well-known/jwks.json")).jwksUrl().toString());
  }

  @Test
  void mistakesNameTheVariableAndNeverTheSecret() {
    String shortSecret = "short-secret-value";
    assertRejected(Map.of(), "JWT_ALGORITHM");
    assertRejected(Map.of("JWT_ALGORITHM", "PS256", "JWT_SECRET", TestTokens.SECRET), "JWT_ALGORITHM");
    assertRejected(Map.of("JWT_ALGORITHM", "HS256", "JWT_SECRET", shortSecret), "JWT_SECRET");
    assertRejected(Map.of("JWT_ALGORITHM", "HS256"), "JWT_SECRET");
    assertRejected(Map.of("JWT_ALGORITHM", "RS256", "JWT_SECRET", TestTokens.SECRET), "JWT_SECRET");
    assertRejected(Map.of("JWT_ALGORITHM", "HS256", "JWT_SECRET", TestTokens.SECRET,
        "JWT_PUBLIC_KEY", TestTokens.pem(TestTokens.RSA.getPublic())), "JWT_PUBLIC_KEY");
    assertRejected(Map.of("JWT_ALGORITHM", "RS256", "JWT_PUBLIC_KEY", TestTokens.pem(TestTokens.RSA.getPublic()),
        "JWT_JWKS_URL", "https://idp.example/jwks"), "exactly one");
    assertRejected(Map.of("JWT_ALGORITHM", "RS256", "JWT_PUBLIC_KEY", "-----BEGIN PUBLIC KEY-----\nAAAA\n"),
        "JWT_PUBLIC_KEY");
    assertRejected(Map.of("JWT_ALGORITHM", "RS256", "JWT_PUBLIC_KEY", TestTokens.pem(TestTokens.EC.getPublic())),
        "JWT_PUBLIC_KEY");
    assertRejected(Map.of("JWT_ALGORITHM", "RS256", "JWT_PUBLIC_KEY",
        "-----BEGIN RSA PUBLIC KEY-----\nMIIB\n-----END RSA PUBLIC KEY-----"), "PKCS#1");
    assertRejected(Map.of("JWT_ALGORITHM", "RS256", "JWT_JWKS_URL", "file:///etc/keys"), "JWT_JWKS_URL");
    assertRejected(Map.of("JWT_ALGORITHM", "HS256", "JWT_SECRET", TestTokens.SECRET, "JWT_LEEWAY", "30"),
        "JWT_LEEWAY");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JwtConfig.fromEnvironment(
        Map.of("JWT_ALGORITHM", "HS256", "JWT_SECRET", shortSecret)));
    assertFalse(e.getMessage().contains(shortSecret));
  }

  @Test
  void weakRsaKeysAreRefused() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    String weak = TestTokens.pem(generator.generateKeyPair().getPublic());
    assertRejected(Map.of("JWT_ALGORITHM", "RS256", "JWT_PUBLIC_KEY", weak), "2048");
  }

  private static void assertRejected(Map<String, String> env, String expectedInMessage) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JwtConfig.fromEnvironment(env));
    assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
  }
}
