package com.exceptionless.testkit;

/**
 * Compares dotted version strings part by part, numerically where both parts are numbers, and reads versions the
 * way the server's parsers do; stateless.
 */
final class Versions {
  private static final java.util.regex.Pattern SEMANTIC = java.util.regex.Pattern.compile(
      "\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
  private static final java.util.regex.Pattern LENIENT = java.util.regex.Pattern.compile("[vV]?\\d+(\\.\\d+){0,3}");

  private Versions() {
  }

  /**
   * Returns .NET's {@code Version.ToString()} of the text when {@code Version.TryParse} accepts it (two to four
   * non-negative integer parts), else null.
   */
  static String dotNetVersion(String text) {
    String[] parts = text.trim().split("\\.", -1);
    if (parts.length < 2 || parts.length > 4) {
      return null;
    }
    StringBuilder version = new StringBuilder();
    for (String part : parts) {
      String digits = part.trim();
      if (!digits.matches("\\+?\\d{1,9}")) {
        return null;
      }
      version.append(version.length() == 0 ? "" : ".").append(Integer.parseInt(digits.replace("+", "")));
    }
    return version.toString();
  }

  /**
   * Returns whether the server's lenient semantic-version parser (SemanticVersionParser.cs) reads the text: a
   * full semantic version, or after cutting a wildcard and anything past a separator such as {@code -} or
   * {@code +}, one to four dotted numbers.
   */
  static boolean isSemanticVersion(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    String version = text;
    int wildcard = version.indexOf('*');
    if (wildcard > 0) {
      version = version.substring(0, wildcard).replaceAll("\\.+$", "");
    }
    if (SEMANTIC.matcher(version).matches()) {
      return true;
    }
    for (String part : version.split("[+ $\\-#=\\[\\]()@|/\\\\*]")) {
      if (!part.trim().isEmpty()) {
        return LENIENT.matcher(part.trim()).matches();
      }
    }
    return false;
  }

  static int compare(String a, String b) {
    String[] left = a.trim().split("[.\\-+]");
    String[] right = b.trim().split("[.\\-+]");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      String l = i < left.length ? left[i] : "0";
      String r = i < right.length ? right[i] : "0";
      int result;
      if (l.matches("\\d{1,18}") && r.matches("\\d{1,18}")) {
        result = Long.compare(Long.parseLong(l), Long.parseLong(r));
      } else {
        result = l.compareToIgnoreCase(r);
      }
      if (result != 0) {
        return result;
      }
    }
    return 0;
  }
}
