package com.exceptionless.testkit;

import java.time.Clock;
import java.time.Duration;

/**
 * The server's throttling: a limit per fixed 15-minute UTC window keyed by organization (API keys), user
 * (User auth) or client IP (anonymous), with X-RateLimit headers and a bare 429; thread-safe.
 */
final class RateLimiter {
  static final int DEFAULT_LIMIT = 3500;

  private final int limit;
  private final FixedWindowCounter counter;

  RateLimiter(Clock clock, int limit) {
    this.limit = limit;
    this.counter = new FixedWindowCounter(clock, Duration.ofMinutes(15));
  }

  /** GET projects/config and GET events/session/heartbeat are never throttled. */
  static boolean isExempt(ApiRequest request) {
    if (!request.method.equalsIgnoreCase("GET")) {
      return false;
    }
    String path = request.path.toLowerCase(java.util.Locale.ROOT);
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path.equals("/api/v2/projects/config") || path.equals("/api/v2/events/session/heartbeat");
  }

  /** Runs the handler unless the caller is over the limit; adds the rate-limit headers to its response. */
  ApiResponse apply(ApiRequest request, Identity identity, RouteHandlerCall next) {
    if (isExempt(request)) {
      return next.call();
    }
    String key = identity.rateLimitKey();
    long count = counter.increment(key != null ? key : "ip:" + request.clientAddress);
    if (count > limit) {
      return Problems.status(request, 429);
    }
    ApiResponse response = next.call();
    return response.header("X-RateLimit-Limit", Integer.toString(limit))
        .header("X-RateLimit-Remaining", Long.toString(Math.max(0, limit - count)));
  }

  /** A deferred handler invocation. */
  interface RouteHandlerCall {
    ApiResponse call();
  }
}
