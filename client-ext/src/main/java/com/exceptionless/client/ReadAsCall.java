package com.exceptionless.client;

import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import okhttp3.Request;
import okhttp3.ResponseBody;
import okio.Timeout;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Sends the request a generated call built, through the same OkHttp stack, and reads the answer as another
 * type: the server's summary modes answer a list route with summaries where the generated method declares
 * full models. The request (path, query, headers, the {@code Invocation} tag that names the route) stays the
 * generated layer's; only the body is read differently, so nothing generated is edited or rebuilt by hand.
 * Synchronous only; one instance is executed once, like every {@link Call}, and {@link #clone()} makes
 * another (which the retry policy uses).
 */
final class ReadAsCall<T> implements Call<T> {
  private final Call<?> generated;
  private final okhttp3.Call.Factory http;
  private final JsonAdapter<T> adapter;
  private volatile okhttp3.Call raw;
  private volatile boolean canceled;

  ReadAsCall(Call<?> generated, okhttp3.Call.Factory http, JsonAdapter<T> adapter) {
    this.generated = generated;
    this.http = http;
    this.adapter = adapter;
  }

  @Override
  public Response<T> execute() throws IOException {
    okhttp3.Call call;
    synchronized (this) {
      if (raw != null) {
        throw new IllegalStateException("Already executed.");
      }
      call = http.newCall(generated.request());
      raw = call;
    }
    if (canceled) {
      call.cancel();
    }
    try (okhttp3.Response response = call.execute()) {
      ResponseBody body = response.body();
      // The body is read here and closed with the response; what goes on carries an empty stand-in (as Retrofit
      // does). Never null: OkHttp 5 refuses a null body in Response.Builder.
      okhttp3.Response withoutBody = response.newBuilder()
          .body(ResponseBody.create(new byte[0], body == null ? null : body.contentType()))
          .build();
      if (!response.isSuccessful()) {
        ResponseBody buffered = body == null ? null : ResponseBody.create(body.bytes(), body.contentType());
        return Response.error(buffered != null ? buffered : ResponseBody.create(new byte[0], null), withoutBody);
      }
      if (response.code() == 204 || response.code() == 205 || body == null) {
        return Response.success(null, withoutBody);
      }
      return Response.success(adapter.fromJson(body.source()), withoutBody);
    }
  }

  @Override
  public void enqueue(Callback<T> callback) {
    throw new UnsupportedOperationException("The SDK executes its calls synchronously");
  }

  @Override
  public boolean isExecuted() {
    return raw != null;
  }

  @Override
  public void cancel() {
    canceled = true;
    okhttp3.Call call = raw;
    if (call != null) {
      call.cancel();
    }
  }

  @Override
  public boolean isCanceled() {
    okhttp3.Call call = raw;
    return canceled || (call != null && call.isCanceled());
  }

  @Override
  public Call<T> clone() {
    return new ReadAsCall<>(generated.clone(), http, adapter);
  }

  @Override
  public Request request() {
    return generated.request();
  }

  @Override
  public Timeout timeout() {
    return generated.timeout();
  }
}
