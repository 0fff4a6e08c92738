package com.exceptionless.client;

import com.exceptionless.testkit.ExceptionlessTestServer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Shared steps of the end-to-end tests against the stand-in server: clients, unique names, polling. */
final class EndToEnd {
  /** A well-formed object id that no stand-in record has. */
  static final String UNKNOWN_ID = "5f0000000000000000000001";

  /** A well-formed token id that no stand-in token has. */
  static final String UNKNOWN_TOKEN = "NoSuchToken0000000000000000000000000000";

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private EndToEnd() {
  }

  static ExceptionlessClient anonymous(ExceptionlessTestServer server) {
    return ExceptionlessClient.builder().serverUrl(server.baseUrl()).build();
  }

  /** The seeded demo user, logged in (a user login token). */
  static ExceptionlessClient user(ExceptionlessTestServer server) {
    return anonymous(server).login(server.accounts().userEmail(), server.accounts().userPassword());
  }

  /** The client-scoped API key of the seeded project "Disintegrating Pistol". */
  static ExceptionlessClient clientKey(ExceptionlessTestServer server) {
    return anonymous(server).withApiKey(server.accounts().clientApiKey());
  }

  /** A name or identifier no other test uses: letters, digits and dashes, at least 8 characters. */
  static String unique(String prefix) {
    return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-" + COUNTER.incrementAndGet();
  }

  /**
   * Reads until the answer satisfies the condition, at most until the deadline; returns the last answer read,
   * or fails naming it.
   */
  static <T> T poll(Duration timeout, Supplier<T> read, Predicate<T> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T answer = read.get();
      if (done.test(answer)) {
        return answer;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("Not there after " + timeout.toMillis() + " ms; last answer: " + answer);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while polling", e);
      }
    }
  }
}
