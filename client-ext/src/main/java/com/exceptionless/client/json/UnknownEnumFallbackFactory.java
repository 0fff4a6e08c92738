package com.exceptionless.client.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import com.squareup.moshi.adapters.EnumJsonAdapter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * Reads enum values this SDK does not know as the generated {@code UNKNOWN_DEFAULT_OPEN_API} constant.
 *
 * <p>The server adds values over time (new scopes, statuses); failing the whole response on one of them
 * would break working code. Applies to every enum that has that constant. Stateless and thread-safe.
 */
final class UnknownEnumFallbackFactory implements JsonAdapter.Factory {
  static final UnknownEnumFallbackFactory INSTANCE = new UnknownEnumFallbackFactory();
  static final String FALLBACK_CONSTANT = "UNKNOWN_DEFAULT_OPEN_API";

  private UnknownEnumFallbackFactory() {
  }

  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    Class<?> raw = Types.getRawType(type);
    if (!annotations.isEmpty() || !raw.isEnum()) {
      return null;
    }
    return fallbackAdapter(raw.asSubclass(Enum.class));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static JsonAdapter<?> fallbackAdapter(Class<? extends Enum> enumType) {
    for (Enum constant : enumType.getEnumConstants()) {
      if (constant.name().equals(FALLBACK_CONSTANT)) {
        return EnumJsonAdapter.create((Class) enumType).withUnknownFallback(constant).nullSafe();
      }
    }
    return null;
  }
}
