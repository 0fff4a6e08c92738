package com.exceptionless.testkit;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * Parses JSON into untyped maps and lists and writes them back, omitting nulls; numbers keep their type (an
 * integer is a {@code Long}, or a {@code BigInteger} beyond 64 bits, so {@code 1213} is answered as {@code 1213},
 * as the server does, not {@code 1213.0}); thread-safe.
 */
final class Json {
  private static final JsonAdapter<Object> ADAPTER = new Moshi.Builder().build().adapter(Object.class);

  private Json() {
  }

  /** Parses one JSON document; throws {@link IllegalArgumentException} with a readable message if it is not valid. */
  static Object parse(String text) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
      Object value = read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException("JSON document was not fully consumed.");
      }
      return immutableCopy(value);
    } catch (IOException | JsonDataException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> object = new LinkedHashMap<String, Object>();
        reader.beginObject();
        while (reader.hasNext()) {
          object.put(reader.nextName(), read(reader));
        }
        reader.endObject();
        return object;
      case BEGIN_ARRAY:
        List<Object> array = new ArrayList<Object>();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(read(reader));
        }
        reader.endArray();
        return array;
      case NUMBER:
        return number(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        return reader.nextString();
    }
  }

  /** An integer as Long (BigInteger beyond 64 bits), anything else as Double (BigDecimal where a double would round). */
  static Number number(String text) {
    if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException beyondLong) {
        return new BigInteger(text);
      }
    }
    double value = Double.parseDouble(text);
    return Double.isInfinite(value) ? new BigDecimal(text) : (Number) value;
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
