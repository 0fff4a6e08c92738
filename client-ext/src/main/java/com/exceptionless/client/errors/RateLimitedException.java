package com.exceptionless.client.errors;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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

  /**
   * Creates the exception.
   *
   * @param response the error answer
   */
  public RateLimitedException(ErrorResponse response) {
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

  /** Returns the wait the server asked for with {@code Retry-After} (seconds or an HTTP date), when sent. */
  public Optional<Duration> retryAfter() {
    return header("Retry-After").flatMap(value -> parseRetryAfter(value, Clock.systemUTC()));
  }

  static Optional<Duration> parseRetryAfter(String value, Clock clock) {
    String trimmed = value.trim();
    try {
      long seconds = Long.parseLong(trimmed);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
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
