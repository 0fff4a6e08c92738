package com.exceptionless.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Copies request headers with lower-case names, reducing Authorization values to their scheme; stateless. */
final class RedactedHeaders {
  private RedactedHeaders() {
  }

  static Map<String, List<String>> copy(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new LinkedHashMap<String, List<String>>();
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      String name = entry.getKey().toLowerCase(Locale.ROOT);
      List<String> values = new ArrayList<String>();
      for (String value : entry.getValue()) {
        values.add(isSecret(name) ? schemeOnly(value) : value);
      }
      copy.put(name, Collections.unmodifiableList(values));
    }
    return Collections.unmodifiableMap(copy);
  }

  static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static boolean isSecret(String name) {
    return name.equals("authorization") || name.equals("proxy-authorization") || name.equals("cookie");
  }

  private static String schemeOnly(String value) {
    String trimmed = value.trim();
    int space = trimmed.indexOf(' ');
    return space < 0 ? "<redacted>" : trimmed.substring(0, space) + " <redacted>";
  }
}
