package com.exceptionless.client;

import java.util.Objects;

/**
 * Checks the keys and values of the project and organization data routes before sending, as the server's
 * handlers check them (400 "Invalid key or value." for a blank key or value, or a key starting with {@code -}).
 * Stateless.
 */
final class DataKeys {
  private DataKeys() {
  }

  static String key(String key) {
    Objects.requireNonNull(key, "key == null");
    if (key.trim().isEmpty() || key.trim().startsWith("-")) {
      throw new IllegalArgumentException("key \"" + key + "\" is blank or starts with '-': the server refuses it");
    }
    return key.trim();
  }

  static String value(String value) {
    Objects.requireNonNull(value, "value == null: use deleteData to remove a key");
    if (value.trim().isEmpty()) {
      throw new IllegalArgumentException("value is blank: the server refuses it; use deleteData to remove a key");
    }
    return value.trim();
  }
}
