package com.exceptionless.testkit;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/** Creates 24-hex ObjectIds and 40-character alphanumeric tokens and knows the route id formats; thread-safe. */
final class Ids {
  static final Pattern OBJECT_ID_ROUTE = Pattern.compile("[a-zA-Z\\d]{24,36}");
  static final Pattern TOKEN_ROUTE = Pattern.compile("[a-zA-Z\\d-]{24,40}");
  static final Pattern OBJECT_ID = Pattern.compile("[a-fA-F\\d]{24}");

  private static final char[] ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicInteger COUNTER = new AtomicInteger(RANDOM.nextInt());
  private static final byte[] PROCESS_UNIQUE = randomBytes(5);

  private Ids() {
  }

  /** Returns a new ObjectId: 4 bytes of seconds, 5 process-unique bytes and a 3-byte counter. */
  static String newObjectId(Instant now) {
    byte[] bytes = new byte[12];
    int seconds = (int) now.getEpochSecond();
    bytes[0] = (byte) (seconds >>> 24);
    bytes[1] = (byte) (seconds >>> 16);
    bytes[2] = (byte) (seconds >>> 8);
    bytes[3] = (byte) seconds;
    System.arraycopy(PROCESS_UNIQUE, 0, bytes, 4, 5);
    int counter = COUNTER.incrementAndGet();
    bytes[9] = (byte) (counter >>> 16);
    bytes[10] = (byte) (counter >>> 8);
    bytes[11] = (byte) counter;
    StringBuilder hex = new StringBuilder(24);
    for (byte b : bytes) {
      hex.append(HEX[(b >>> 4) & 0xf]).append(HEX[b & 0xf]);
    }
    return hex.toString();
  }

  /** Returns a new 40-character random alphanumeric token id. */
  static String newToken() {
    char[] token = new char[40];
    for (int i = 0; i < token.length; i++) {
      token[i] = ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)];
    }
    return new String(token);
  }

  static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
