package com.exceptionless.testkit;

/** Compares dotted version strings part by part, numerically where both parts are numbers; stateless. */
final class Versions {
  private Versions() {
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
