package com.exceptionless.client.reporting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes data keys that match exclusion patterns (local ones and the server's {@code @@DataExclusions}),
 * such as passwords or tokens. Known {@code @} keys are never removed. Immutable.
 */
final class DataExclusions {
  private final List<String> patterns;

  DataExclusions(Collection<String> local, Collection<String> server) {
    List<String> all = new ArrayList<>(local);
    all.addAll(server);
    this.patterns = all;
  }

  boolean isEmpty() {
    return patterns.isEmpty();
  }

  boolean excludes(String key) {
    if (key.startsWith("@")) {
      return false;
    }
    for (String pattern : patterns) {
      if (Wildcards.matches(pattern, key)) {
        return true;
      }
    }
    return false;
  }

  /** Returns a copy without the excluded keys (nested maps included), or the same map when nothing is excluded. */
  Map<String, Object> apply(Map<String, Object> data) {
    if (data == null || patterns.isEmpty()) {
      return data;
    }
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : data.entrySet()) {
      if (!excludes(entry.getKey())) {
        kept.put(entry.getKey(), nested(entry.getValue()));
      }
    }
    return kept;
  }

  @SuppressWarnings("unchecked")
  private Object nested(Object value) {
    if (value instanceof Map) {
      Map<String, Object> kept = new LinkedHashMap<>();
      for (Map.Entry<Object, Object> entry : ((Map<Object, Object>) value).entrySet()) {
        String key = String.valueOf(entry.getKey());
        if (!excludes(key)) {
          kept.put(key, nested(entry.getValue()));
        }
      }
      return kept;
    }
    return value;
  }
}
