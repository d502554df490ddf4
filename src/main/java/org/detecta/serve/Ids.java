package org.detecta.serve;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random UUIDs without the lock of {@link UUID#randomUUID()} (one shared {@code NativePRNG} that every request
 * thread would queue on). Prediction ids are version 7 (RFC 9562): a millisecond timestamp, then 74 bits from a
 * per-thread DRBG (unguessable, as they authorise feedback on a prediction); time-ordered, so the prediction log's
 * primary key grows at its end instead of touching a random index page per insert. Request ids only need to be
 * unique: version 4 from {@link ThreadLocalRandom}.
 */
final class Ids {
  private static final ThreadLocal<SecureRandom> SECURE = ThreadLocal.withInitial(Ids::drbg);

  private Ids() {
  }

  /** A pseudonymous prediction id: version-7 UUID, 74 random bits from a cryptographically strong generator. */
  static String prediction() {
    byte[] b = new byte[16];
    SECURE.get().nextBytes(b);
    long high = (System.currentTimeMillis() << 16) | 0x7000L | (toLong(b, 0) & 0x0FFFL);
    long low = (toLong(b, 8) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** A request id for correlating logs (unique, not secret). */
  static String request() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return uuid(r.nextLong(), r.nextLong());
  }

  private static String uuid(long high, long low) {
    return new UUID((high & ~0xF000L) | 0x4000L, (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
  }

  private static long toLong(byte[] b, int from) {
    long v = 0;
    for (int i = from; i < from + 8; i++) {
      v = (v << 8) | (b[i] & 0xFF);
    }
    return v;
  }

  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}
