package com.exceptionless.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void readsDelaySecondsAndHttpDates() {
    assertThat(RetryAfter.parse(" 120 ", clock)).hasValue(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse("Sat, 28 Nov 2026 12:01:30 GMT", clock)).hasValue(Duration.ofSeconds(90));
    assertThat(RetryAfter.parse("Sat, 28 Nov 2026 11:00:00 GMT", clock)).hasValue(Duration.ZERO);
  }

  @Test
  void ignoresValuesOfNeitherForm() {
    assertThat(RetryAfter.parse("-5", clock)).isEmpty();
    assertThat(RetryAfter.parse("soon", clock)).isEmpty();
  }
}
