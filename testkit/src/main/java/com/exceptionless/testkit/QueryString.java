package com.exceptionless.testkit;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A parsed query string that keeps the parameters' order and raw encoding; immutable. */
final class QueryString {
  private final List<String[]> rawPairs;

  private QueryString(List<String[]> rawPairs) {
    this.rawPairs = Collections.unmodifiableList(rawPairs);
  }

  static QueryString parse(String rawQuery) {
    List<String[]> pairs = new ArrayList<String[]>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String part : rawQuery.split("&")) {
        if (part.isEmpty()) {
          continue;
        }
        int equals = part.indexOf('=');
        pairs.add(equals < 0 ? new String[] {part, ""}
            : new String[] {part.substring(0, equals), part.substring(equals + 1)});
      }
    }
    return new QueryString(pairs);
  }

  /** Returns the decoded value of the first parameter with this name (ignoring case), or null. */
  String first(String name) {
    for (String[] pair : rawPairs) {
      if (decode(pair[0]).equalsIgnoreCase(name)) {
        return decode(pair[1]);
      }
    }
    return null;
  }

  /** Renders the query with the parameter set to the value, replaced in place or appended. */
  String with(String name, String value) {
    StringBuilder query = new StringBuilder();
    boolean replaced = false;
    for (String[] pair : rawPairs) {
      boolean matches = decode(pair[0]).equalsIgnoreCase(name);
      if (matches && replaced) {
        continue;
      }
      appendPair(query, pair[0], matches ? value : pair[1]);
      replaced |= matches;
    }
    if (!replaced) {
      appendPair(query, name, value);
    }
    return query.toString();
  }

  /** Returns this query without the parameters with these names (ignoring case). */
  QueryString without(String... names) {
    List<String[]> kept = new ArrayList<String[]>();
    for (String[] pair : rawPairs) {
      boolean drop = false;
      for (String name : names) {
        drop |= decode(pair[0]).equalsIgnoreCase(name);
      }
      if (!drop) {
        kept.add(pair);
      }
    }
    return new QueryString(kept);
  }

  /** Renders the query with the values of secret-carrying parameters replaced by {@code redacted}. */
  String redacted() {
    StringBuilder query = new StringBuilder();
    for (String[] pair : rawPairs) {
      String name = decode(pair[0]).toLowerCase(java.util.Locale.ROOT);
      boolean secret = name.equals("access_token") || name.equals("api_key") || name.equals("apikey");
      appendPair(query, pair[0], secret ? "redacted" : pair[1]);
    }
    return query.toString();
  }

  boolean isEmpty() {
    return rawPairs.isEmpty();
  }

  private static void appendPair(StringBuilder query, String name, String value) {
    if (query.length() > 0) {
      query.append('&');
    }
    query.append(name).append('=').append(value);
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, "UTF-8");
    } catch (UnsupportedEncodingException | IllegalArgumentException e) {
      return raw;
    }
  }
}
