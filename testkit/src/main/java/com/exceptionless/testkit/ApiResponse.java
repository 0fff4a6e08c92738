package com.exceptionless.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A response to write: status, headers (each value written as its own header line) and body; not thread-safe. */
final class ApiResponse {
  static final String JSON = "application/json; charset=utf-8";
  static final String PROBLEM_JSON = "application/problem+json";

  final int status;
  final byte[] body;
  final Map<String, List<String>> headers = new LinkedHashMap<String, List<String>>();

  private ApiResponse(int status, byte[] body, String contentType) {
    this.status = status;
    this.body = body;
    if (contentType != null) {
      header("Content-Type", contentType);
    }
  }

  static ApiResponse json(int status, Object value) {
    return new ApiResponse(status, Json.writeBytes(value), JSON);
  }

  static ApiResponse problem(int status, Object problem) {
    return new ApiResponse(status, Json.writeBytes(problem), PROBLEM_JSON);
  }

  /** A response with no body at all (written without Content-Length or content). */
  static ApiResponse empty(int status) {
    return new ApiResponse(status, new byte[0], null);
  }

  /** Adds one header value; repeated calls with the same name write separate header lines. */
  ApiResponse header(String name, String value) {
    List<String> values = headers.get(name);
    if (values == null) {
      values = new ArrayList<String>();
      headers.put(name, values);
    }
    values.add(value);
    return this;
  }

  String firstHeader(String name) {
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
        return entry.getValue().get(0);
      }
    }
    return null;
  }
}
