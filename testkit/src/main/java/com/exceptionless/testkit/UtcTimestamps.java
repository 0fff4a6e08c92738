package com.exceptionless.testkit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes instants the way the server writes {@code *_utc} fields: UTC, seven fractional digits, {@code Z}; stateless. */
final class UtcTimestamps {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private UtcTimestamps() {
  }

  static String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }
}
