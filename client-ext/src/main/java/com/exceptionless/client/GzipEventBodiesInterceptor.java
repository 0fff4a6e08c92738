package com.exceptionless.client;

import java.io.IOException;
import java.util.zip.Deflater;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.GzipSink;
import okio.Okio;

/**
 * Compresses event submissions larger than 4 KB with gzip ({@code Content-Encoding: gzip}), which the
 * server accepts on its event routes; batches of similar events shrink many times over, even at the fastest
 * compression level, which this uses to keep the CPU cost per event low. Other requests,
 * and bodies the caller already encoded, pass unchanged. Stateless and thread-safe.
 */
final class GzipEventBodiesInterceptor implements Interceptor {
  static final long THRESHOLD_BYTES = 4096;

  @Override
  public okhttp3.Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestBody body = request.body();
    if (body == null || request.header("Content-Encoding") != null || !isEventSubmission(request)
        || body.contentLength() <= THRESHOLD_BYTES) {
      return chain.proceed(request);
    }
    Buffer compressed = new Buffer();
    GzipSink gzipSink = new GzipSink(compressed);
    gzipSink.deflater().setLevel(Deflater.BEST_SPEED);
    try (BufferedSink gzip = Okio.buffer(gzipSink)) {
      body.writeTo(gzip);
    }
    MediaType type = body.contentType();
    return chain.proceed(request.newBuilder()
        .header("Content-Encoding", "gzip")
        .method(request.method(), RequestBody.create(compressed.readByteString(), type))
        .build());
  }

  private static boolean isEventSubmission(Request request) {
    if (!"POST".equals(request.method())) {
      return false;
    }
    String route = Routes.describe(request);
    return route.equals("POST api/v2/events") || route.equals("POST api/v2/projects/{projectId}/events");
  }
}
