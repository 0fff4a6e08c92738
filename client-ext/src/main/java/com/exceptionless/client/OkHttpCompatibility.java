package com.exceptionless.client;

/**
 * Checks, before a client is built, that the OkHttp on the class path is one the SDK runs on (4.9 and newer,
 * including 5.x as {@code okhttp-jvm}). With OkHttp 3.x (what Retrofit 2 brings when it is declared before
 * this SDK) requests would fail later in ways that are hard to trace (a {@code NoSuchMethodError} inside an
 * interceptor, events never sent), so building fails at once and says what to change. Stateless.
 */
final class OkHttpCompatibility {
  private OkHttpCompatibility() {
  }

  /** Throws when the OkHttp on the class path is too old. */
  static void check() {
    check(versionOnClassPath());
  }

  static void check(String version) {
    if (version != null && majorVersion(version) < 4) {
      throw new IllegalStateException("exceptionless-java needs OkHttp 4.9 or newer (4.12.0 is what it is built with; "
          + "5.x as com.squareup.okhttp3:okhttp-jvm works too), but OkHttp " + version + " is on the class path. "
          + "Retrofit 2 brings OkHttp 3.x: exclude com.squareup.okhttp3:okhttp from Retrofit 2 or use Retrofit 3, "
          + "or declare com.squareup.okhttp3:okhttp 4.12.0 in your build.");
    }
  }

  /**
   * Returns the version of the OkHttp classes that are loaded, or null when it cannot be told. Read by
   * reflection on purpose: {@code OkHttp.VERSION} is a constant, which javac would copy into this class
   * with the value of the OkHttp the SDK was compiled against.
   */
  static String versionOnClassPath() {
    ClassLoader loader = OkHttpCompatibility.class.getClassLoader();
    try {
      // OkHttp 4.x and 5.x
      return String.valueOf(Class.forName("okhttp3.OkHttp", false, loader).getField("VERSION").get(null));
    } catch (ReflectiveOperationException | LinkageError notFourOrNewer) {
      // fall through
    }
    try {
      // OkHttp 3.x: "okhttp/3.14.9"
      Object userAgent = Class.forName("okhttp3.internal.Version", true, loader).getMethod("userAgent").invoke(null);
      String text = String.valueOf(userAgent);
      return text.startsWith("okhttp/") ? text.substring("okhttp/".length()) : text;
    } catch (ReflectiveOperationException | LinkageError unknown) {
      return null;
    }
  }

  static int majorVersion(String version) {
    int end = 0;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    return end == 0 ? Integer.MAX_VALUE : Integer.parseInt(version.substring(0, end));
  }
}
