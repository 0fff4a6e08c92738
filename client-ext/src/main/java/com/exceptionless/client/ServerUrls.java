package com.exceptionless.client;

import okhttp3.HttpUrl;

/** Validates and normalises server URLs. Stateless. */
final class ServerUrls {
  private ServerUrls() {
  }

  /**
   * Parses a server URL into the Retrofit base URL (ending with {@code /}).
   *
   * @throws IllegalArgumentException when the URL cannot serve as the server root, saying why
   */
  static HttpUrl parse(String serverUrl) {
    if (serverUrl == null) {
      throw new NullPointerException("serverUrl == null");
    }
    String trimmed = serverUrl.trim();
    HttpUrl url = HttpUrl.parse(trimmed);
    if (url == null) {
      throw new IllegalArgumentException("serverUrl \"" + trimmed + "\" is not an http or https URL:"
          + " use for example " + ExceptionlessClient.DEFAULT_SERVER_URL);
    }
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      throw new IllegalArgumentException("serverUrl must not contain a user name or password:"
          + " pass credentials with apiKey(...) or userToken(...)");
    }
    if (url.query() != null || url.fragment() != null) {
      throw new IllegalArgumentException("serverUrl must not have a query or fragment: pass only the server root, for example "
          + ExceptionlessClient.DEFAULT_SERVER_URL);
    }
    String path = url.encodedPath();
    if (path.endsWith("/api/v2") || path.endsWith("/api/v2/")) {
      throw new IllegalArgumentException("serverUrl ends with /api/v2: pass the server root, for example "
          + ExceptionlessClient.DEFAULT_SERVER_URL + " (the SDK adds /api/v2 itself)");
    }
    return path.endsWith("/") ? url : url.newBuilder().encodedPath(path + "/").build();
  }
}
