package com.exceptionless.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads a JSON object request body for the non-event routes, answering 400 or 413 when it is unusable; stateless. */
final class JsonBody {
  private static final int MAXIMUM_SIZE = 1024 * 1024;

  private JsonBody() {
  }

  /** Returns the body's JSON object, or null when the body is empty and allowed to be. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> readObject(ApiRequest request, boolean emptyAllowed) {
    String text = new String(request.readBody(MAXIMUM_SIZE), StandardCharsets.UTF_8).trim();
    if (text.isEmpty()) {
      if (emptyAllowed) {
        return null;
      }
      throw new ApiProblemException(Problems.badBody(request, "A non-empty request body is required."));
    }
    Object parsed;
    try {
      parsed = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ApiProblemException(Problems.badBody(request, "The request body is not valid JSON."));
    }
    if (!(parsed instanceof Map)) {
      throw new ApiProblemException(Problems.badBody(request, "The request body must be a JSON object."));
    }
    return (Map<String, Object>) parsed;
  }

  /** Returns a string property; answers 400 when present with another JSON type. */
  static String string(ApiRequest request, Map<String, Object> body, String key) {
    Object value = body.get(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new ApiProblemException(Problems.badBody(request, "The JSON value of '" + key + "' must be a string."));
  }
}
