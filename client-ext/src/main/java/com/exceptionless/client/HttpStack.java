package com.exceptionless.client;

import com.exceptionless.client.json.ExceptionlessMoshi;
import com.squareup.moshi.Moshi;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The one place the SDK's HTTP stack is assembled from a builder's settings: the transport client (the user's
 * OkHttpClient, or the SDK's own, with the builder's timeouts and TCP_NODELAY sockets from
 * {@link NoDelaySocketFactory}); on it, per credential, the SDK's application interceptors after the user's own
 * (the credential, User-Agent and Accept headers by {@link StandardHeadersInterceptor}, the content type of raw
 * bodies by {@link RawBodyContentTypeInterceptor}, gzip of event posts by {@link GzipEventBodiesInterceptor}) and
 * the request log line as a network interceptor ({@link RequestLogInterceptor}); Retrofit with the SDK's converters
 * on top; and around each call the retries ({@link CallExecutor} with the {@link RetryPolicy}).
 *
 * <p>A stack derived from another ({@link #derive}) reuses its transport client when the transport settings are the
 * same, and its base client when only the timeouts differ, so clients made by {@code newBuilder()},
 * {@code withApiKey} or {@code withUserToken} share one connection pool and dispatcher; a user-supplied OkHttpClient is built on, never replaced, so its interceptors, proxy, TLS settings,
 * pool and dispatcher stay. Immutable and thread-safe.
 */
final class HttpStack {
  /** The transport settings of a stack: the user's OkHttpClient (or none) and the four timeouts. Immutable. */
  static final class Transport {
    final @Nullable OkHttpClient userClient;
    final Duration connectTimeout;
    final Duration readTimeout;
    final Duration writeTimeout;
    final Duration callTimeout;

    Transport(@Nullable OkHttpClient userClient, Duration connectTimeout, Duration readTimeout, Duration writeTimeout,
        Duration callTimeout) {
      this.userClient = userClient;
      this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout == null");
      this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout == null");
      this.writeTimeout = Objects.requireNonNull(writeTimeout, "writeTimeout == null");
      this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout == null");
    }

    boolean sameAs(Transport other) {
      return userClient == other.userClient && connectTimeout.equals(other.connectTimeout)
          && readTimeout.equals(other.readTimeout) && writeTimeout.equals(other.writeTimeout)
          && callTimeout.equals(other.callTimeout);
    }
  }

  private final HttpUrl serverUrl;
  private final Transport transport;
  /** The client the transport settings were applied to: the user's, or the SDK's own, shared by derived stacks. */
  private final OkHttpClient base;
  /** {@link #base} with the timeouts and the socket factory: what every Retrofit of this stack sends through. */
  private final OkHttpClient transportClient;
  private final Moshi moshi;
  private final RetryPolicy retries;
  private final CallExecutor executor;

  private HttpStack(HttpUrl serverUrl, Transport transport, OkHttpClient base, OkHttpClient transportClient,
      Moshi moshi, RetryPolicy retries) {
    this.serverUrl = serverUrl;
    this.transport = transport;
    this.base = base;
    this.transportClient = transportClient;
    this.moshi = moshi;
    this.retries = retries;
    this.executor = new CallExecutor(moshi, retries);
  }

  /** Assembles a stack with its own OkHttpClient (built on the user's, when given) and Moshi. */
  static HttpStack create(HttpUrl serverUrl, Transport transport, RetryPolicy retries) {
    OkHttpClient base = transport.userClient != null ? transport.userClient : new OkHttpClient();
    return new HttpStack(serverUrl, transport, base, withTransport(base, transport), ExceptionlessMoshi.create(),
        retries);
  }

  /**
   * Assembles a stack from a client's, sharing its Moshi and connection pool: its OkHttpClient as is when the
   * transport settings are the same, else the same base client with the new timeouts.
   */
  HttpStack derive(HttpUrl serverUrl, Transport transport, RetryPolicy retries) {
    if (transport.sameAs(this.transport)) {
      return new HttpStack(serverUrl, transport, base, transportClient, moshi, retries);
    }
    OkHttpClient newBase = transport.userClient == this.transport.userClient ? base
        : Objects.requireNonNull(transport.userClient, "userClient == null");
    return new HttpStack(serverUrl, transport, newBase, withTransport(newBase, transport), moshi, retries);
  }

  private static OkHttpClient withTransport(OkHttpClient base, Transport transport) {
    return base.newBuilder()
        .socketFactory(new NoDelaySocketFactory(base.socketFactory()))
        .connectTimeout(transport.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(transport.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(transport.writeTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(transport.callTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .build();
  }

  /**
   * Returns the Retrofit that sends with this credential (or none): the SDK's interceptors on the transport client,
   * the SDK's converters, the server URL as base.
   */
  Retrofit retrofit(@Nullable Credential credential) {
    OkHttpClient http = transportClient.newBuilder()
        .addInterceptor(new StandardHeadersInterceptor(SdkVersion.USER_AGENT, credential))
        .addInterceptor(new RawBodyContentTypeInterceptor())
        .addInterceptor(new GzipEventBodiesInterceptor())
        .addNetworkInterceptor(new RequestLogInterceptor())
        .build();
    return new Retrofit.Builder()
        .baseUrl(serverUrl)
        .client(http)
        .addConverterFactory(new RawRequestBodyConverterFactory())
        .addConverterFactory(new EmptyWorkResultConverterFactory())
        .addConverterFactory(MoshiConverterFactory.create(moshi))
        .build();
  }

  /** Returns what runs every call: the retries and the mapping of failures to the SDK's exceptions. */
  CallExecutor executor() {
    return executor;
  }

  RetryPolicy retries() {
    return retries;
  }

  HttpUrl serverUrl() {
    return serverUrl;
  }

  Moshi moshi() {
    return moshi;
  }
}
