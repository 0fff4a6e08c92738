package com.exceptionless.client;

import com.exceptionless.client.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Checks identifiers against the server's route constraints before anything is sent. Stateless. */
final class Ids {
  static final Pattern OBJECT_ID = Pattern.compile("[a-zA-Z\\d]{24,36}");
  static final Pattern TOKEN_ID = Pattern.compile("[a-zA-Z\\d-]{24,40}");
  private Ids() {
  }

  static String objectId(String id, String name) {
    Objects.requireNonNull(id, name + " == null");
    if (!OBJECT_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(name + " \"" + id + "\" is not an Exceptionless id (24 to 36 letters and digits)");
    }
    return id;
  }

  /** Checks a reference id or session id: 8 to 100 letters, digits or dashes. */
  static String identifier(String id, String name) {
    return Checks.identifier(id, name);
  }

  /** Checks every id of a bulk action before anything is sent, and returns them in order. */
  static List<String> objectIds(Collection<String> ids, String name) {
    List<String> copy = nonEmpty(ids, name, "id");
    for (int i = 0; i < copy.size(); i++) {
      objectId(copy.get(i), name + "[" + i + "]");
    }
    return copy;
  }

  /** Checks every token id of a bulk action before anything is sent; messages never repeat a value. */
  static List<String> tokenIds(Collection<String> ids, String name) {
    List<String> copy = nonEmpty(ids, name, "token id");
    for (int i = 0; i < copy.size(); i++) {
      tokenId(copy.get(i), name + "[" + i + "]");
    }
    return copy;
  }

  private static List<String> nonEmpty(Collection<String> ids, String name, String what) {
    Objects.requireNonNull(ids, name + " == null");
    if (ids.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty: pass at least one " + what);
    }
    return new ArrayList<>(ids);
  }

  /** Token ids are secrets: the message never repeats the value. */
  static String tokenId(String id, String name) {
    Objects.requireNonNull(id, name + " == null");
    if (!TOKEN_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(name + " is not a token id (24 to 40 letters, digits or dashes; "
          + id.length() + " characters given)");
    }
    return id;
  }
}
