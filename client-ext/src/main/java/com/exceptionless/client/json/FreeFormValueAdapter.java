package com.exceptionless.client.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes the values of free-form JSON ({@code Object}: the values of {@code data}, extended data,
 * aggregations and settings maps) so that numbers keep their type: an integer literal is read as a
 * {@link Long}, or a {@link BigInteger} beyond 64 bits; any other number as a {@link Double}, or a
 * {@link BigDecimal} when a double would not give back the same digits. Numbers are written back as their
 * Java value prints, so {@code 443} stays {@code 443} and {@code 17179869184} stays {@code 17179869184}
 * (Moshi's own adapter reads every number as a double and writes {@code 443.0}). Objects are read as read-only
 * insertion-ordered maps and arrays as read-only lists; values of other types are written with their own
 * adapter. Stateless and thread-safe.
 */
final class FreeFormValueAdapter extends JsonAdapter<Object> {
  /** Creates the adapter for {@code Object} without qualifier annotations. */
  static final JsonAdapter.Factory FACTORY = new JsonAdapter.Factory() {
    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
      return type == Object.class && annotations.isEmpty() ? new FreeFormValueAdapter(moshi) : null;
    }
  };

  private static final Pattern INTEGER = Pattern.compile("-?\\d+");

  private final Moshi moshi;

  private FreeFormValueAdapter(Moshi moshi) {
    this.moshi = moshi;
  }

  @Override
  public Object fromJson(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          Object value = fromJson(reader);
          Object replaced = map.put(name, value);
          if (replaced != null) {
            throw new JsonDataException("Map key '" + name + "' has multiple values at path " + reader.getPath()
                + ": " + replaced + " and " + value);
          }
        }
        reader.endObject();
        return Collections.unmodifiableMap(map);
      case BEGIN_ARRAY:
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(fromJson(reader));
        }
        reader.endArray();
        return Collections.unmodifiableList(list);
      case STRING:
        return reader.nextString();
      case NUMBER:
        return number(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new IllegalStateException("Expected a value but was " + reader.peek() + " at path " + reader.getPath());
    }
  }

  /** Reads a JSON number literal keeping its kind: integers as Long or BigInteger, others as Double or BigDecimal. */
  static Number number(String literal) {
    if (INTEGER.matcher(literal).matches()) {
      try {
        return Long.parseLong(literal);
      } catch (NumberFormatException beyond64Bits) {
        return new BigInteger(literal);
      }
    }
    BigDecimal exact = new BigDecimal(literal);
    double value = exact.doubleValue();
    if (!Double.isInfinite(value) && new BigDecimal(Double.toString(value)).compareTo(exact) == 0) {
      return value;
    }
    return exact;
  }

  @Override
  public void toJson(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Map) {
      writer.beginObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        writer.name(String.valueOf(entry.getKey()));
        toJson(writer, entry.getValue());
      }
      writer.endObject();
    } else if (value instanceof Collection) {
      writer.beginArray();
      for (Object item : (Collection<?>) value) {
        toJson(writer, item);
      }
      writer.endArray();
    } else if (value instanceof String) {
      writer.value((String) value);
    } else if (value instanceof Boolean) {
      writer.value((Boolean) value);
    } else if (value instanceof Double || value instanceof Float) {
      writer.value(((Number) value).doubleValue());
    } else if (value instanceof Number) {
      writer.value((Number) value);
    } else if (value.getClass() == Object.class) {
      writer.beginObject();
      writer.endObject();
    } else {
      moshi.adapter(value.getClass()).toJson(writer, cast(value));
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }

  @Override
  public String toString() {
    return "FreeFormValueAdapter(Object)";
  }
}
