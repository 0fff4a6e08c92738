package com.exceptionless.client.errors;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * 429 Too Many Requests: the request limit of the server's 15-minute window is used up.
 *
 * <p>The Exceptionless server sends no Retry-After and no rate-limit headers on its 429 answers; both are
 * read when present (a proxy may add them).
 */
public final class RateLimitedException extends ExceptionlessServiceException {
  private static final long serialVersionUID = 1L;

  RateLimitedException(ErrorResponse response) {
    super(response);
  }

  /** Returns {@code X-RateLimit-Limit}, the requests allowed per window, when sent. */
  public OptionalInt limit() {
    return intHeader("X-RateLimit-Limit");
  }

  /** Returns {@code X-RateLimit-Remaining}, the requests left in the window, when sent. */
  public OptionalInt remaining() {
    return intHeader("X-RateLimit-Remaining");
  }

  private OptionalInt intHeader(String name) {
    Optional<String> value = header(name);
    if (!value.isPresent()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(value.get().trim()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
