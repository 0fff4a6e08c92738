package com.exceptionless.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SDK's version and its User-Agent. Stateless. */
final class SdkVersion {
  /** The server reads {@code name/version} and needs a purely numeric version (no -SNAPSHOT). */
  static final String USER_AGENT = "exceptionless-java/" + numeric(read());

  private SdkVersion() {
  }

  static String numeric(String version) {
    Matcher matcher = Pattern.compile("^(\\d+(?:\\.\\d+){0,3})").matcher(version == null ? "" : version);
    return matcher.find() ? matcher.group(1) : "0.0.0";
  }

  private static String read() {
    try (InputStream in = SdkVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return null;
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      return null;
    }
  }
}
