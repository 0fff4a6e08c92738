package com.exceptionless.client;

import java.util.regex.Pattern;

/** Checks identifiers against the server's route constraints before anything is sent. Stateless. */
final class Ids {
  static final Pattern OBJECT_ID = Pattern.compile("[a-zA-Z\\d]{24,36}");
  static final Pattern TOKEN_ID = Pattern.compile("[a-zA-Z\\d-]{24,40}");

  private Ids() {
  }

  static String objectId(String id, String name) {
    if (id == null) {
      throw new NullPointerException(name + " == null");
    }
    if (!OBJECT_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(name + " \"" + id + "\" is not an Exceptionless id (24 to 36 letters and digits)");
    }
    return id;
  }

  /** Token ids are secrets: the message never repeats the value. */
  static String tokenId(String id, String name) {
    if (id == null) {
      throw new NullPointerException(name + " == null");
    }
    if (!TOKEN_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(name + " is not a token id (24 to 40 letters, digits or dashes; "
          + id.length() + " characters given)");
    }
    return id;
  }
}
