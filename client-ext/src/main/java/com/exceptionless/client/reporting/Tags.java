package com.exceptionless.client.reporting;

/** The rule every tag follows, wherever it is given: 1 to 255 characters, not blank, no control or bidi-override characters. */
final class Tags {
  static final int MAX_LENGTH = 255;

  private Tags() {
  }

  /**
   * Returns the tag, trimmed.
   *
   * @throws IllegalArgumentException saying what to fix
   */
  static String check(String tag, String name) {
    if (tag == null) {
      throw new NullPointerException(name + " == null");
    }
    String trimmed = tag.trim();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException(name + " is blank: a tag needs 1 to " + MAX_LENGTH + " characters");
    }
    if (trimmed.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(name + " has " + trimmed.length() + " characters: at most " + MAX_LENGTH);
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
          || c == '\u200E' || c == '\u200F') {
        throw new IllegalArgumentException(name + " \"" + printable(trimmed) + "\" contains the control or"
            + " text-direction character U+" + String.format("%04X", (int) c) + ": remove it");
      }
    }
    return trimmed;
  }

  private static String printable(String tag) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < tag.length() && out.length() < 60; i++) {
      char c = tag.charAt(i);
      out.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c);
    }
    return out.toString();
  }
}
