package com.exceptionless.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** One incoming HTTP request: method, raw path, query, lower-cased headers and a body readable once; not thread-safe. */
final class ApiRequest {
  /** Bodies larger than this are drained and discarded rather than read. */
  private static final long DRAIN_LIMIT = 32L * 1024 * 1024;

  final String method;
  final String path;
  final String rawQuery;
  final QueryString query;
  final Map<String, List<String>> headers;
  final String clientAddress;
  final String baseUrl;
  private final InputStream body;

  ApiRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, InputStream body,
      String clientAddress, String baseUrl) {
    this.method = method;
    this.path = path;
    this.rawQuery = rawQuery;
    this.query = QueryString.parse(rawQuery);
    this.headers = Collections.unmodifiableMap(headers);
    this.body = body;
    this.clientAddress = clientAddress;
    this.baseUrl = baseUrl;
  }

  /** Returns the first value of a header (name ignoring case), or null. */
  String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Returns the declared Content-Length, or -1 when absent or unreadable. */
  long contentLength() {
    String value = header("content-length");
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Reads the whole body; answers 413 (and drains the rest) when it is longer than maxBytes. */
  byte[] readBody(int maxBytes) {
    if (contentLength() > maxBytes) {
      drain();
      throw new ApiProblemException(Problems.status(this, 413));
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int read;
      while ((read = body.read(buffer)) != -1) {
        out.write(buffer, 0, read);
        if (out.size() > maxBytes) {
          drain();
          throw new ApiProblemException(Problems.status(this, 413));
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads and discards what is left of the body so the connection can be reused. */
  void drain() {
    try {
      byte[] buffer = new byte[8192];
      long total = 0;
      int read;
      while (total < DRAIN_LIMIT && (read = body.read(buffer)) != -1) {
        total += read;
      }
    } catch (IOException ignored) {
      // The client went away; nothing left to drain.
    }
  }

  /** Returns "METHOD /path", the ProblemDetails instance value. */
  String instance() {
    return method + " " + path;
  }
}
