package com.exceptionless.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What groups events into a stack: for errors the innermost error's type and first stack frame (from
 * {@code @error}, else {@code @simple_error} with the first line of its stack trace), for everything else the
 * type and source; also the stack's title and the summary values of errors; immutable.
 */
final class StackSignature {
  final Map<String, String> info;
  final String hash;
  final String title;
  /** Type, TypeFullName, Method, MethodFullName of the innermost error, for summaries; empty for non-errors. */
  final Map<String, Object> errorSummary;

  private StackSignature(Map<String, String> info, String hash, String title, Map<String, Object> errorSummary) {
    this.info = info;
    this.hash = hash;
    this.title = title;
    this.errorSummary = errorSummary;
  }

  static StackSignature of(String projectId, ProcessedEvent event) {
    Map<String, String> info = new LinkedHashMap<String, String>();
    Map<String, Object> summary = new LinkedHashMap<String, Object>();
    String title = null;
    Map<String, Object> error = innermost(event.data.get("@error"));
    Map<String, Object> simple = error == null ? innermost(event.data.get("@simple_error")) : null;
    if ("error".equals(event.type) && (error != null || simple != null)) {
      Map<String, Object> inner = error != null ? error : simple;
      String fullType = string(inner.get("type"));
      String method = error != null ? firstFrame(error) : firstLine(string(simple.get("stack_trace")));
      put(info, "ExceptionType", fullType);
      put(info, "Method", method);
      title = string(inner.get("message"));
      if (fullType != null) {
        summary.put("Type", fullType.substring(fullType.lastIndexOf('.') + 1));
        summary.put("TypeFullName", fullType);
      }
      if (method != null && error != null) {
        String shortMethod = method.contains("(") ? method.substring(0, method.indexOf('(')) : method;
        summary.put("Method", shortMethod.substring(shortMethod.lastIndexOf('.') + 1));
        summary.put("MethodFullName", method);
      }
    } else {
      put(info, "Type", event.type);
      put(info, "Source", event.source);
    }
    if (title == null) {
      title = event.message != null ? event.message : event.source != null ? event.source : event.type;
    }
    if (title.length() > 1000) {
      title = title.substring(0, 1000);
    }
    return new StackSignature(Collections.unmodifiableMap(info), sha1(projectId, info), title,
        Collections.unmodifiableMap(summary));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> innermost(Object error) {
    if (!(error instanceof Map)) {
      return null;
    }
    Map<String, Object> current = (Map<String, Object>) error;
    while (current.get("inner") instanceof Map) {
      current = (Map<String, Object>) current.get("inner");
    }
    return current;
  }

  private static String firstFrame(Map<String, Object> error) {
    Object trace = error.get("stack_trace");
    if (!(trace instanceof List) || ((List<?>) trace).isEmpty() || !(((List<?>) trace).get(0) instanceof Map)) {
      return null;
    }
    Map<?, ?> frame = (Map<?, ?>) ((List<?>) trace).get(0);
    StringBuilder method = new StringBuilder();
    for (String key : new String[] {"declaring_namespace", "declaring_type", "name"}) {
      Object part = frame.get(key);
      if (part instanceof String && !((String) part).isEmpty()) {
        if (method.length() > 0) {
          method.append('.');
        }
        method.append((String) part);
      }
    }
    return method.length() == 0 ? null : method.toString();
  }

  private static String firstLine(String text) {
    if (text == null) {
      return null;
    }
    String[] lines = text.trim().split("\r\n|\r|\n");
    return lines.length == 0 || lines[0].trim().isEmpty() ? null : lines[0].trim();
  }

  private static void put(Map<String, String> info, String key, String value) {
    if (value != null && !value.isEmpty()) {
      info.put(key, value);
    }
  }

  private static String string(Object value) {
    return value instanceof String ? (String) value : null;
  }

  private static String sha1(String projectId, Map<String, String> info) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      digest.update(projectId.getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, String> entry : info.entrySet()) {
        digest.update(("\n" + entry.getKey() + "=" + entry.getValue()).getBytes(StandardCharsets.UTF_8));
      }
      StringBuilder hex = new StringBuilder();
      for (byte b : digest.digest()) {
        hex.append(String.format("%02x", b & 0xff));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is not available", e);
    }
  }
}
