package dev.streamer.core.routing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * The router's default request ids: random (version 4) UUIDs in their usual 36-character text, as
 * {@link UUID#randomUUID()} makes them, drawn {@value #IDS_PER_DRAW} ids at a time per thread: the first draw of a
 * thread from the JDK's default {@code SecureRandom} (the operating system's generator, which the JVM has loaded
 * already), every later one from a per-thread instance of the JDK's NIST SP 800-90A generator
 * ({@code SecureRandom.getInstance("DRBG")}, Hash_DRBG with SHA-256, seeded by the JDK from the operating system).
 * {@code UUID.randomUUID()} reads the operating system's generator and hashes through one shared, synchronized
 * {@code NativePRNG} for every id, which cost more than the rest of a small request (about 230 ns against 40 ns
 * here). The DRBG is not made for the first draw because instantiating the first one in a JVM seeds the JDK's
 * seeder from system entropy (network interfaces, the temporary directory, system properties): about 25 classes
 * and 10 ms that a Lambda cold start would pay for its first request; a function that serves more than
 * {@value #IDS_PER_DRAW} requests on a thread pays it once, off the cold start.
 *
 * <p>Why a cryptographic source and not {@code ThreadLocalRandom} or {@code SplittableRandom}: a request id is the
 * requests table's key and is shown to the client, and a request sent without authentication can be read
 * ({@code status}, {@code subscribe}) and cancelled by anyone who knows its id. A generator whose next outputs follow
 * from a few observed ones would let a client guess other clients' ids; 122 bits from a CSPRNG cannot be guessed, and
 * buffering does not change that (each id is 16 fresh bytes that reveal nothing about the others). Both sources are
 * CSPRNGs seeded by the operating system, so which one drew an id changes nothing for a client.
 *
 * <p>SnapStart: nothing is drawn at class initialisation. A generator's state or bytes drawn before a snapshot would
 * be shared by every environment restored from it, so {@link #discardBuffered()} must be called after a restore (the
 * AWS runtime's priming hook does): every thread then draws afresh from the operating system's generator, then
 * instantiates a new DRBG and reseeds it with bytes of the operating system's generator read after the restore (the
 * JDK seeds new DRBGs from a JVM-wide seeder that a snapshot may hold, see {@code generator}).
 */
public final class RequestIds {

  static final int IDS_PER_DRAW = 32;

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  /**
   * A thread's buffer is an instance of this class (one class rather than a nested buffer class: one fewer on a cold
   * start). Read with {@code get()} and filled by hand: {@code withInitial} would spin a lambda on the cold path.
   */
  private static final ThreadLocal<RequestIds> BUFFERS = new ThreadLocal<>();
  /** Bumped by {@link #discardBuffered()}; a buffer filled in an older epoch is refilled before use. */
  private static volatile int epoch;

  private final byte[] bytes = new byte[16 * IDS_PER_DRAW];
  private int next = bytes.length;
  private int seededIn = -1;
  private int draws;
  private SecureRandom random;

  private RequestIds() {}

  /** A new random request id, such as {@code 5f0c1e2a-…}, 36 characters. Thread-safe, non-blocking once seeded. */
  public static String next() {
    RequestIds buffer = BUFFERS.get();
    if (buffer == null) {
      buffer = new RequestIds();
      BUFFERS.set(buffer);
    }
    return buffer.nextUuid().toString();
  }

  /** The algorithm of the generator that drew the calling thread's last id (for tests). */
  static String lastDrawAlgorithm() {
    return BUFFERS.get().random.getAlgorithm();
  }

  /** Forgets every thread's generator and buffered bytes (after a SnapStart restore, for example). */
  public static synchronized void discardBuffered() { // two calls at once must still move the epoch
    epoch++;
  }

  private UUID nextUuid() {
    int current = epoch;
    if (seededIn != current) {
      seededIn = current;
      draws = 0;
      next = bytes.length;
    }
    if (next == bytes.length) {
      // the first draw of an epoch reads the operating system's generator; even getInstance("DRBG") loads the
      // DRBG's classes, so it waits for the second
      random = draws == 0 ? new SecureRandom() : draws == 1 ? generator(random) : random;
      draws = Math.min(draws + 1, 2);
      random.nextBytes(bytes);
      next = 0;
    }
    long high = (long) LONGS.get(bytes, next);
    long low = (long) LONGS.get(bytes, next + 8);
    next += 16;
    high = (high & ~0xF000L) | 0x4000L; // version 4
    low = (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
    return new UUID(high, low);
  }

  /**
   * A new DRBG, reseeded with 32 bytes of {@code system} (the operating system's generator). The JDK seeds every DRBG
   * instance from one JVM-wide seeder DRBG and a static nonce counter: when anything made a DRBG before a SnapStart
   * snapshot, that seeder is in the snapshot, and every environment restored from it would seed identical new
   * instances. The reseed mixes in bytes read after the restore, so no two environments draw the same ids.
   */
  static SecureRandom generator(SecureRandom system) {
    SecureRandom drbg;
    try {
      drbg = SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) { // every JDK since 9 has it; still, never fail a request for it
      return system;
    }
    byte[] fresh = new byte[32];
    system.nextBytes(fresh);
    drbg.setSeed(fresh);
    return drbg;
  }
}
