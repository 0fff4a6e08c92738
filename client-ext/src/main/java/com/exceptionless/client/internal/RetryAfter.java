package com.exceptionless.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} value: delay seconds or an HTTP date. Internal: not part of the API, and it
 * may change in any release. Stateless.
 */
public final class RetryAfter {
  private RetryAfter() {
  }

  /**
   * Parses a {@code Retry-After} value.
   *
   * @param value the header value
   * @param clock the clock an HTTP date is measured from
   * @return the wait (zero for a date in the past), or empty when the value is neither form
   */
  public static Optional<Duration> parse(String value, Clock clock) {
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
}
