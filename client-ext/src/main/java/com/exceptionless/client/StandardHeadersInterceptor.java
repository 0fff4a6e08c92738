package com.exceptionless.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the SDK's User-Agent, {@code Accept: application/json} and, when the client has one, the
 * {@code Authorization: Bearer} credential. Credentials travel only in this header. Immutable and thread-safe.
 */
final class StandardHeadersInterceptor implements Interceptor {
  private final String userAgent;
  private final Credential credential;

  StandardHeadersInterceptor(String userAgent, Credential credential) {
    this.userAgent = userAgent;
    this.credential = credential;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request.Builder request = chain.request().newBuilder().header("User-Agent", userAgent);
    if (chain.request().header("Accept") == null) {
      request.header("Accept", "application/json");
    }
    if (credential != null) {
      request.header("Authorization", credential.authorizationHeader());
    }
    return chain.proceed(request.build());
  }

  @Override
  public String toString() {
    return "StandardHeadersInterceptor{userAgent=" + userAgent + ", credential=" + credential + "}";
  }
}
