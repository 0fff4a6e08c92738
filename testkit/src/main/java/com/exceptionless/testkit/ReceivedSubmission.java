package com.exceptionless.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One accepted (202) event POST: request line, redacted headers, decoded body and how many events it held;
 * immutable and thread-safe.
 */
public final class ReceivedSubmission {
  private final String method;
  private final String path;
  private final Map<String, List<String>> headers;
  private final String body;
  private final int decodedBodySize;
  private final int eventCount;
  private final String projectId;
  private final Instant receivedAt;

  ReceivedSubmission(String method, String path, Map<String, List<String>> headers, String body,
      int decodedBodySize, int eventCount, String projectId, Instant receivedAt) {
    this.method = method;
    this.path = path;
    this.headers = RedactedHeaders.copy(headers);
    this.body = body;
    this.decodedBodySize = decodedBodySize;
    this.eventCount = eventCount;
    this.projectId = projectId;
    this.receivedAt = receivedAt;
  }

  /** Returns the HTTP method, always {@code POST} for now. */
  public String method() {
    return method;
  }

  /** Returns the raw request path. */
  public String path() {
    return path;
  }

  /** Returns the headers keyed by lower-case name; the Authorization value is reduced to its scheme. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** Returns the first value of a header (name ignoring case), or null. */
  public String header(String name) {
    return RedactedHeaders.first(headers, name);
  }

  /** Returns the User-Agent header, or null. */
  public String userAgent() {
    return header("user-agent");
  }

  /** Returns the Content-Type header, or null. */
  public String contentType() {
    return header("content-type");
  }

  /** Returns the Content-Encoding header (e.g. {@code gzip}), or null when the body was not compressed. */
  public String contentEncoding() {
    return header("content-encoding");
  }

  /** Returns the body after decompression, decoded with the request's charset (UTF-8 by default). */
  public String body() {
    return body;
  }

  /** Returns the size in bytes of the body after decompression. */
  public int decodedBodySize() {
    return decodedBodySize;
  }

  /** Returns how many events the body held (0 when it could not be parsed; the real server drops those too). */
  public int eventCount() {
    return eventCount;
  }

  /** Returns the id of the project the events were stored under. */
  public String projectId() {
    return projectId;
  }

  /** Returns when the server received the submission, by its clock. */
  public Instant receivedAt() {
    return receivedAt;
  }

  @Override
  public String toString() {
    return "ReceivedSubmission{" + method + " " + path + ", projectId=" + projectId + ", events=" + eventCount
        + ", decodedBodySize=" + decodedBodySize + ", contentEncoding=" + contentEncoding() + "}";
  }
}
