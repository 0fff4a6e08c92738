package com.exceptionless.testkit;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses JSON into untyped maps and lists and writes them back, omitting nulls; thread-safe. */
final class Json {
  private static final JsonAdapter<Object> ADAPTER = new Moshi.Builder().build().adapter(Object.class);

  private Json() {
  }

  /** Parses one JSON document; throws {@link IllegalArgumentException} with a readable message if it is not valid. */
  static Object parse(String text) {
    try {
      return immutableCopy(ADAPTER.fromJson(text));
    } catch (IOException | JsonDataException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Writes a graph of maps, lists, strings, numbers and booleans; null map values are left out. */
  static String write(Object value) {
    return ADAPTER.toJson(value);
  }

  static byte[] writeBytes(Object value) {
    return write(value).getBytes(StandardCharsets.UTF_8);
  }

  /** Copies a parsed graph into unmodifiable insertion-ordered maps and lists. */
  @SuppressWarnings("unchecked")
  static Object immutableCopy(Object value) {
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<String, Object>();
      for (Map.Entry<String, Object> entry : ((Map<String, Object>) value).entrySet()) {
        copy.put(entry.getKey(), immutableCopy(entry.getValue()));
      }
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<Object>();
      for (Object item : (List<Object>) value) {
        copy.add(immutableCopy(item));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
