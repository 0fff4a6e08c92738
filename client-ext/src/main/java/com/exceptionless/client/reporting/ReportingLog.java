package com.exceptionless.client.reporting;

import java.util.logging.Logger;

/**
 * The one logger of the reporter, {@code com.exceptionless.client.reporting} ({@code java.util.logging}): what it
 * discards (rate-limited), disk and plugin failures, and a line at close. Holds no state of its own.
 */
final class ReportingLog {
  static final Logger LOGGER = Logger.getLogger("com.exceptionless.client.reporting");

  private ReportingLog() {
  }
}
