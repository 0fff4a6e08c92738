package com.exceptionless.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request the server answered, with secrets redacted (Authorization keeps only its scheme, token query
 * parameters read {@code redacted}); immutable and thread-safe.
 */
public final class RecordedRequest {
  private final String method;
  private final String path;
  private final String query;
  private final Map<String, List<String>> headers;
  private final int status;
  private final Instant receivedAt;

  RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, int status,
      Instant receivedAt) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = RedactedHeaders.copy(headers);
    this.status = status;
    this.receivedAt = receivedAt;
  }

  /** Returns the HTTP method, e.g. {@code GET}. */
  public String method() {
    return method;
  }

  /** Returns the raw path without the query, e.g. {@code /api/v2/projects}. */
  public String path() {
    return path;
  }

  /** Returns the raw query string without {@code ?} (empty when there was none), with token values redacted. */
  public String query() {
    return query;
  }

  /** Returns the headers keyed by lower-case name; the Authorization value is reduced to its scheme. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** Returns the first value of a header (name ignoring case), or null. */
  public String header(String name) {
    return RedactedHeaders.first(headers, name);
  }

  /** Returns the status code the server answered with. */
  public int status() {
    return status;
  }

  /** Returns when the server received the request, by its clock. */
  public Instant receivedAt() {
    return receivedAt;
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status;
  }
}
