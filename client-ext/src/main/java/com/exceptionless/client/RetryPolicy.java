package com.exceptionless.client;

import com.exceptionless.client.internal.RetryAfter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * When and how long to wait before sending a call again: the single retry rule of the SDK, applied by
 * {@link CallExecutor} to a {@code clone()} of the generated Retrofit call. Immutable and thread-safe.
 *
 * <p>Retried: connection failures (refused, reset, timed out, cut off; not unknown hosts or certificate
 * errors) and the statuses 429, 502, 503 and 504, for GET, PUT and DELETE; POST and PATCH only when the
 * caller opted in, because the server may have acted on the first attempt (an event submitted twice is
 * stored twice). The wait is {@code baseDelay * 2^attempt}, capped at {@code maxDelay}, minus up to 25 %
 * jitter; a {@code Retry-After} the answer carries replaces it, and when that asks for more than
 * {@code maxDelay} the SDK does not wait at all but throws at once, so the caller can schedule the retry
 * (the exception's {@code retryAfter()} says when).
 *
 * <p>Why here and not in an OkHttp interceptor: the executor already owns the one place a call runs and
 * its error mapping, sees the generated call (so it knows the route for logs and messages), and can
 * retry a call whose body Retrofit rebuilds on {@code clone()}; an interceptor would also retry inside
 * the user's own OkHttp stack and the event reporter's delivery, which has its own backoff.
 */
final class RetryPolicy {
  static final int DEFAULT_MAX_RETRIES = 2;
  static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(500);
  static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(8);
  /** The share of a backoff delay that jitter may take away. */
  static final double JITTER = 0.25;

  private final int maxRetries;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final boolean retryNonIdempotent;
  private final Sleeper sleeper;
  private final DoubleSupplier jitter;
  private final Clock clock;

  RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, boolean retryNonIdempotent, Sleeper sleeper,
      DoubleSupplier jitter, Clock clock) {
    this.maxRetries = maxRetries;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.retryNonIdempotent = retryNonIdempotent;
    this.sleeper = sleeper;
    this.jitter = jitter;
    this.clock = clock;
  }

  int maxRetries() {
    return maxRetries;
  }

  /** Returns whether a request with this method may be sent again at all. */
  boolean mayRetry(String method, int retriesDone) {
    if (retriesDone >= maxRetries) {
      return false;
    }
    switch (method) {
      case "GET":
      case "HEAD":
      case "PUT":
      case "DELETE":
        return true;
      default:
        return retryNonIdempotent;
    }
  }

  static boolean isRetryableStatus(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  /** Returns whether the failure is one a new attempt may not meet (a refused, reset or timed-out connection). */
  static boolean isRetryableFailure(IOException e) {
    if (e instanceof UnknownHostException || e instanceof SSLPeerUnverifiedException
        || e instanceof javax.net.ssl.SSLHandshakeException) {
      return false;
    }
    // OkHttp's whole-call timeout and cancellation are InterruptedIOExceptions that are not socket timeouts.
    return !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException;
  }

  /**
   * Returns the wait before retry number {@code retriesDone + 1}, or null when the answer's
   * {@code Retry-After} asks for more than the maximum delay (then the caller should not retry).
   *
   * @param retryAfter the answer's {@code Retry-After} value, or null
   */
  Duration delay(int retriesDone, String retryAfter) {
    if (retryAfter != null) {
      Duration asked = RetryAfter.parse(retryAfter, clock).orElse(null);
      if (asked != null) {
        return asked.compareTo(maxDelay) > 0 ? null : asked;
      }
    }
    long base = baseDelay.toMillis();
    long exponential = retriesDone >= 30 ? Long.MAX_VALUE : base << retriesDone;
    long capped = exponential < 0 || exponential > maxDelay.toMillis() ? maxDelay.toMillis() : exponential;
    double factor = 1.0 - JITTER * Math.min(1.0, Math.max(0.0, jitter.getAsDouble()));
    return Duration.ofMillis(Math.round(capped * factor));
  }

  void sleep(Duration delay) throws InterruptedException {
    if (!delay.isZero()) {
      sleeper.sleep(delay);
    }
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries=" + maxRetries + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
        + ", retryNonIdempotent=" + retryNonIdempotent + "}";
  }

  /** The clock the client measures time with (Retry-After dates, the age of events to submit). */
  Clock clock() {
    return clock;
  }
}
