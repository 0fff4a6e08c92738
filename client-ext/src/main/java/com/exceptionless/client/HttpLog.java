package com.exceptionless.client;

import java.util.logging.Logger;

/**
 * The one logger of the HTTP exchanges, {@code com.exceptionless.client.http} ({@code java.util.logging}): a line
 * per exchange and per retry at {@code FINE}, naming the route template, never the path, a header or a body.
 */
final class HttpLog {
  static final Logger LOGGER = Logger.getLogger("com.exceptionless.client.http");

  private HttpLog() {
  }
}
