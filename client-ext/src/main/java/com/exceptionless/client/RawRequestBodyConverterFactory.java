package com.exceptionless.client;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Lets a ready-made {@link RequestBody} through as the body of a generated method whose body parameter is
 * typed {@code Object} (event submission), so that plain-text log lines are sent as they are; every other
 * value goes to the next converter (Moshi). Placed before Moshi. Stateless and thread-safe.
 */
final class RawRequestBodyConverterFactory extends Converter.Factory {
  @Override
  public @Nullable Converter<?, RequestBody> requestBodyConverter(Type type, Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations, Retrofit retrofit) {
    if (type != Object.class) {
      return null;
    }
    Converter<Object, RequestBody> next = retrofit.nextRequestBodyConverter(this, type, parameterAnnotations, methodAnnotations);
    return value -> value instanceof RequestBody ? (RequestBody) value : next.convert(value);
  }
}
