package com.exceptionless.client;

import com.exceptionless.client.model.WorkInProgressResult;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Reads an empty body as "no work-in-progress details" where a bulk delete declares a
 * {@link WorkInProgressResult} (the SDK does not need them, and servers and proxies may answer 202 with no
 * body); every other answer goes to the next converter (Moshi). Placed before Moshi. Stateless and thread-safe.
 */
final class EmptyWorkResultConverterFactory extends Converter.Factory {
  @Override
  public @Nullable Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
    if (type != WorkInProgressResult.class) {
      return null;
    }
    Converter<ResponseBody, Object> next = retrofit.nextResponseBodyConverter(this, type, annotations);
    return body -> {
      if (body.source().exhausted()) {
        body.close();
        return null;
      }
      return next.convert(body);
    };
  }
}
