package com.exceptionless.client.reporting;

import java.util.Locale;

/** Case-insensitive matching with {@code *} at the start and/or end of a pattern, as the server's settings use. Stateless. */
final class Wildcards {
  private Wildcards() {
  }

  static boolean matches(String pattern, String value) {
    if (pattern == null || value == null) {
      return false;
    }
    String p = pattern.trim().toLowerCase(Locale.ROOT);
    String v = value.toLowerCase(Locale.ROOT);
    if (p.equals("*")) {
      return true;
    }
    boolean starts = p.startsWith("*");
    boolean ends = p.endsWith("*") && p.length() > 1;
    String core = p.substring(starts ? 1 : 0, ends ? p.length() - 1 : p.length());
    if (starts && ends) {
      return v.contains(core);
    } else if (starts) {
      return v.endsWith(core);
    } else if (ends) {
      return v.startsWith(core);
    }
    return v.equals(core);
  }
}
