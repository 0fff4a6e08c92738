package com.exceptionless.client;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Logs one line per HTTP exchange to {@code java.util.logging} logger {@code com.exceptionless.client.http}
 * at FINE: method, route template (never the real path, which may hold a token id), status and duration.
 * Headers, query strings and bodies are never logged. Stateless and thread-safe.
 */
final class RequestLogInterceptor implements Interceptor {

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (!HttpLog.LOGGER.isLoggable(Level.FINE)) {
      return chain.proceed(chain.request());
    }
    Request request = chain.request();
    String route = Routes.describe(request);
    long started = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      HttpLog.LOGGER.fine(route + " -> " + response.code() + " (" + elapsedMillis(started) + " ms)");
      return response;
    } catch (IOException e) {
      HttpLog.LOGGER.fine(route + " -> " + e.getClass().getSimpleName() + " (" + elapsedMillis(started) + " ms)");
      throw e;
    }
  }

  private static long elapsedMillis(long started) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }
}
