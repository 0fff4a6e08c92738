package com.exceptionless.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import retrofit2.Invocation;

/**
 * Restores the content type of a ready-made {@link RequestBody} passed to a generated method (see
 * {@link RawRequestBodyConverterFactory}): the method's {@code Content-Type: application/json} annotation
 * would otherwise relabel plain-text log lines as JSON. It reads the body from the call's
 * {@link Invocation} arguments, Retrofit's public record of the call; other requests pass unchanged.
 * Stateless and thread-safe.
 */
final class RawBodyContentTypeInterceptor implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Invocation invocation = request.tag(Invocation.class);
    if (invocation != null && request.body() != null) {
      for (Object argument : invocation.arguments()) {
        if (argument instanceof RequestBody) {
          RequestBody raw = (RequestBody) argument;
          MediaType type = raw.contentType();
          if (type != null && !type.equals(request.body().contentType())) {
            return chain.proceed(request.newBuilder().method(request.method(), raw).build());
          }
        }
      }
    }
    return chain.proceed(request);
  }
}
