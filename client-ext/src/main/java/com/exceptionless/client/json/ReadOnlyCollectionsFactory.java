package com.exceptionless.client.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the lists, sets and maps Moshi reads into model properties read-only, so that models read from
 * the server are as immutable as models built with their builders. Stateless and thread-safe.
 */
final class ReadOnlyCollectionsFactory implements JsonAdapter.Factory {
  static final ReadOnlyCollectionsFactory INSTANCE = new ReadOnlyCollectionsFactory();

  private ReadOnlyCollectionsFactory() {
  }

  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    Class<?> raw = Types.getRawType(type);
    if (!annotations.isEmpty() || (raw != List.class && raw != Set.class && raw != Map.class && raw != Collection.class)) {
      return null;
    }
    JsonAdapter<Object> delegate = moshi.nextAdapter(this, type, annotations);
    return new JsonAdapter<Object>() {
      @Override
      public Object fromJson(JsonReader reader) throws IOException {
        return readOnly(delegate.fromJson(reader));
      }

      @Override
      public void toJson(JsonWriter writer, Object value) throws IOException {
        delegate.toJson(writer, value);
      }

      @Override
      public String toString() {
        return delegate + ".readOnly()";
      }
    };
  }

  private static Object readOnly(Object value) {
    if (value instanceof List) {
      return Collections.unmodifiableList((List<?>) value);
    } else if (value instanceof Set) {
      return Collections.unmodifiableSet((Set<?>) value);
    } else if (value instanceof Map) {
      return Collections.unmodifiableMap((Map<?, ?>) value);
    } else if (value instanceof Collection) {
      return Collections.unmodifiableCollection((Collection<?>) value);
    }
    return value;
  }
}
