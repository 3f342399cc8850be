package dev.streamer.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void idsAreRandomUuidsInTheirUsualText() {
    for (int i = 0; i < 3 * RequestIds.IDS_PER_DRAW; i++) { // across refills
      String id = RequestIds.next();
      UUID uuid = UUID.fromString(id);
      assertEquals(36, id.length());
      assertEquals(uuid.toString(), id);
      assertEquals(4, uuid.version(), id);
      assertEquals(2, uuid.variant(), id); // IETF
    }
  }

  @Test
  void idsAreDistinctAcrossThreadsRefillsAndDiscards() throws Exception {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < 5_000; i++) {
            if (i % 1_000 == 999) {
              RequestIds.discardBuffered(); // as after a SnapStart restore: every thread renews its generator
            }
            assertTrue(seen.add(RequestIds.next()));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(20_000, seen.size());
  }

  @Test
  void bitsAreNotFixedBeyondVersionAndVariant() {
    long highOr = 0;
    long highAnd = -1;
    long lowOr = 0;
    long lowAnd = -1;
    for (int i = 0; i < 256; i++) {
      UUID uuid = UUID.fromString(RequestIds.next());
      highOr |= uuid.getMostSignificantBits();
      highAnd &= uuid.getMostSignificantBits();
      lowOr |= uuid.getLeastSignificantBits();
      lowAnd &= uuid.getLeastSignificantBits();
    }
    // 122 random bits: over 256 ids each of them was seen both 0 and 1, only the 6 fixed bits were not
    assertEquals(0x4000L, highAnd);
    assertEquals(~0xB000L, highOr); // version bits 0100: the three zeros stay zero
    assertEquals(0x8000_0000_0000_0000L, lowAnd);
    assertEquals(~0x4000_0000_0000_0000L, lowOr);
  }

  @Test
  void theFirstDrawOfAThreadReadsTheSystemGeneratorAndLaterOnesTheDrbg() throws Exception {
    Thread thread = new Thread(() -> {
      RequestIds.next();
      assertEquals(new java.security.SecureRandom().getAlgorithm(), RequestIds.lastDrawAlgorithm());
      for (int i = 1; i < RequestIds.IDS_PER_DRAW; i++) {
        RequestIds.next();
      }
      assertEquals(new java.security.SecureRandom().getAlgorithm(), RequestIds.lastDrawAlgorithm());
      RequestIds.next(); // the second draw
      assertEquals("DRBG", RequestIds.lastDrawAlgorithm());
      for (int i = 0; i < 3 * RequestIds.IDS_PER_DRAW; i++) {
        RequestIds.next();
      }
      assertEquals("DRBG", RequestIds.lastDrawAlgorithm());
      RequestIds.discardBuffered(); // a restore: the system generator again, then a new DRBG
      RequestIds.next();
      assertEquals(new java.security.SecureRandom().getAlgorithm(), RequestIds.lastDrawAlgorithm());
    });
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    thread.setUncaughtExceptionHandler((t, e) -> failure.set(e));
    thread.start();
    thread.join();
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
  }

  /**
   * A new DRBG is reseeded with bytes of the system generator read when it is made: the JDK seeds DRBGs from one
   * JVM-wide seeder, which a SnapStart snapshot may hold, so without the reseed restored environments could draw alike.
   */
  @Test
  void aNewDrbgIsReseededFromTheSystemGenerator() {
    java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();
    java.security.SecureRandom system = new java.security.SecureRandom() {
      @Override
      public void nextBytes(byte[] bytes) {
        read.addAndGet(bytes.length);
        super.nextBytes(bytes);
      }
    };
    java.security.SecureRandom drbg = RequestIds.generator(system);
    assertEquals("DRBG", drbg.getAlgorithm());
    assertEquals(32, read.get(), "32 bytes of the system generator mixed into the new DRBG");
  }

  /**
   * A fresh JVM's first id loads neither the DRBG nor the JDK's seed generator (about 25 classes and 10 ms of
   * system-entropy gathering on a Lambda cold start).
   */
  @Test
  void theFirstIdOfAJvmInstantiatesNoDrbg() throws Exception {
    java.nio.file.Path classes = java.nio.file.Path.of(
        RequestIds.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Process process = new ProcessBuilder(
        java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info", "-cp", classes + java.io.File.pathSeparator + testClasses(),
        FirstId.class.getName()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    assertTrue(output.contains("FIRST-ID "), output);
    assertTrue(output.contains("java.security.SecureRandom "), output); // the log is the one expected
    assertTrue(!output.contains("sun.security.provider.DRBG") && !output.contains("SeedGenerator"), output);
  }

  private static String testClasses() throws Exception {
    return java.nio.file.Path.of(FirstId.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
  }

  /** Child JVM of {@link #theFirstIdOfAJvmInstantiatesNoDrbg}. */
  static final class FirstId {
    public static void main(String[] args) {
      System.out.println("FIRST-ID " + RequestIds.next());
    }
  }

  // that the router uses them by default: RouterTest.defaultsAreDocumentedOnes
}
