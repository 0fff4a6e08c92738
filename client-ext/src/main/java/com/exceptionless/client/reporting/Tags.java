package com.exceptionless.client.reporting;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Checks tags and other short texts before they are accepted, so a bad one is refused where it is set with a
 * message that says what to fix, instead of failing or being dropped silently on the server (which removes
 * blank tags and tags over {@value #MAX_LENGTH} characters, and keeps at most {@value #MAX_COUNT}).
 */
final class Tags {
  static final int MAX_LENGTH = 100;
  static final int MAX_COUNT = 50;

  private Tags() {
  }

  /**
   * Returns the tags trimmed of spaces, in order, without repeats.
   *
   * @param name what the caller called them, for the message, for example {@code defaultTags}
   * @throws NullPointerException when the array or a tag is null
   * @throws IllegalArgumentException when a tag is blank, too long, or holds a control or bidi character
   */
  static Set<String> checkAll(String[] tags, String name, Set<String> already) {
    if (tags == null) {
      throw new NullPointerException(name + " == null: pass tags, or none");
    }
    Set<String> checked = new LinkedHashSet<>(already);
    for (int i = 0; i < tags.length; i++) {
      checked.add(check(tags[i], name + "[" + i + "]"));
    }
    if (checked.size() > MAX_COUNT) {
      throw new IllegalArgumentException(name + " would make " + checked.size() + " tags; the server keeps at most "
          + MAX_COUNT + ": pass fewer");
    }
    return Collections.unmodifiableSet(checked);
  }

  static String check(String tag, String name) {
    if (tag == null) {
      throw new NullPointerException(name + " == null: pass only non-blank tags");
    }
    checkCharacters(tag, name);
    String trimmed = tag.trim();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException(name + " is blank: pass tags of 1 to " + MAX_LENGTH + " characters");
    }
    if (trimmed.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(name + " is " + trimmed.length() + " characters long; the server drops tags over "
          + MAX_LENGTH + " characters: shorten it");
    }
    return trimmed;
  }

  /**
   * Refuses control characters (NUL, tab, LF, CR and the other C0 and C1 controls), line and paragraph separators,
   * bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to
   * U+2069), zero-width space, word joiner and invisible operators (U+200B, U+2060 to U+2064), the byte order mark,
   * and lone surrogates. Zero-width joiners, which emoji and some scripts need, are allowed.
   */
  static void checkCharacters(String text, String name) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean loneSurrogate = Character.isHighSurrogate(c)
          ? i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
          : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
      if (Character.isISOControl(c) || isInvisibleFormatting(c) || loneSurrogate) {
        throw new IllegalArgumentException(String.format("%s holds the character U+%04X at index %d (a control, bidirectional"
            + " or invisible formatting character, or half a surrogate pair): remove it", name, (int) c, i));
      }
    }
  }

  private static boolean isInvisibleFormatting(char c) {
    return c == '\u061C' || c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c == '\u200B' || c == '\u200E' || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2060' && c <= '\u2069');
  }
}
