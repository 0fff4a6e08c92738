package com.exceptionless.client;

import java.util.Locale;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.HttpUrl;

/** Validates and normalises server URLs, and warns about clear-text ones. Stateless and thread-safe. */
final class ServerUrls {
  /** The hosted Exceptionless API ({@link ExceptionlessClient#DEFAULT_SERVER_URL}). */
  static final String DEFAULT_SERVER_URL = "https://api.exceptionless.com";
  static final Logger LOGGER = Logger.getLogger("com.exceptionless.client");

  private ServerUrls() {
  }

  /**
   * Parses a server URL into the Retrofit base URL (ending with {@code /}).
   *
   * @throws IllegalArgumentException when the URL cannot serve as the server root, saying why
   */
  static HttpUrl parse(String serverUrl) {
    Objects.requireNonNull(serverUrl, "serverUrl == null");
    String trimmed = serverUrl.trim();
    HttpUrl url = HttpUrl.parse(trimmed);
    if (url == null) {
      throw new IllegalArgumentException("serverUrl \"" + trimmed + "\" is not an http or https URL:"
          + " use for example " + DEFAULT_SERVER_URL);
    }
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      throw new IllegalArgumentException("serverUrl must not contain a user name or password:"
          + " pass credentials with apiKey(...) or userToken(...)");
    }
    if (url.query() != null || url.fragment() != null) {
      throw new IllegalArgumentException("serverUrl must not have a query or fragment: pass only the server root, for example "
          + DEFAULT_SERVER_URL);
    }
    String path = url.encodedPath();
    if (path.endsWith("/api/v2") || path.endsWith("/api/v2/")) {
      throw new IllegalArgumentException("serverUrl ends with /api/v2: pass the server root, for example "
          + DEFAULT_SERVER_URL + " (the SDK adds /api/v2 itself)");
    }
    return path.endsWith("/") ? url : url.newBuilder().encodedPath(path + "/").build();
  }

  /**
   * Logs one warning when the URL is {@code http} on a host that is not the loopback: every request carries
   * the API key or user token, which would then travel in clear text.
   */
  static void warnIfCleartext(HttpUrl url) {
    if (!url.isHttps() && !isLoopback(url.host())) {
      LOGGER.log(Level.WARNING, "The Exceptionless server URL " + url.scheme() + "://" + url.host()
          + (url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port())
          + " is not https: API keys and user tokens will travel in clear text. Use https outside a local test.");
    }
  }

  /** Whether the host names the local machine (localhost, 127.0.0.0/8, ::1) without asking DNS. */
  static boolean isLoopback(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.equals("localhost") || lower.endsWith(".localhost") || lower.equals("::1")
        || lower.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }
}
