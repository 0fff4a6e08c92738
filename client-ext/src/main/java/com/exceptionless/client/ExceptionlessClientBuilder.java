package com.exceptionless.client;

import com.exceptionless.client.internal.Checks;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Settings of an {@link ExceptionlessClient}: server URL, credential, timeouts, retries, and optionally the
 * OkHttpClient to build on. Each setter validates its value at once and says what to fix; the builder only holds
 * the settings ({@code HttpStack} assembles the HTTP stack from them). Not thread-safe; {@link #build()} may be
 * called many times.
 */
public final class ExceptionlessClientBuilder {
  static final String ENV_SERVER_URL = "EXCEPTIONLESS_SERVER_URL";
  static final String ENV_API_KEY = "EXCEPTIONLESS_API_KEY";
  static final String ENV_USER_TOKEN = "EXCEPTIONLESS_USER_TOKEN";

  private HttpUrl serverUrl = HttpUrl.get(ServerUrls.DEFAULT_SERVER_URL + "/");
  private @Nullable Credential credential;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration readTimeout = Duration.ofSeconds(30);
  private Duration writeTimeout = Duration.ofSeconds(30);
  private Duration callTimeout = Duration.ofSeconds(60);
  private @Nullable OkHttpClient okHttpClient;
  /** The stack of the client this builder came from ({@code newBuilder()}), whose pool and Moshi to share. */
  private @Nullable HttpStack parent;
  private int maxRetries = RetryPolicy.DEFAULT_MAX_RETRIES;
  private Duration retryBaseDelay = RetryPolicy.DEFAULT_BASE_DELAY;
  private Duration retryMaxDelay = RetryPolicy.DEFAULT_MAX_DELAY;
  private boolean retryPost;
  private Sleeper sleeper = Sleeper.THREAD_SLEEP;
  private DoubleSupplier retryJitter = () -> ThreadLocalRandom.current().nextDouble();
  private Clock clock = Clock.systemUTC();

  ExceptionlessClientBuilder() {
  }

  /**
   * Sets the server URL: the hosted API ({@value ExceptionlessClient#DEFAULT_SERVER_URL}, the default) or
   * the root of a self-hosted server, with or without a trailing slash.
   *
   * @param serverUrl an http or https URL without credentials, query or {@code /api/v2} suffix
   * @return this builder
   * @throws IllegalArgumentException when the URL is not usable, saying why
   */
  public ExceptionlessClientBuilder serverUrl(String serverUrl) {
    this.serverUrl = ServerUrls.parse(serverUrl);
    return this;
  }

  /**
   * Authenticates with an API key (a project token); a client-scoped key submits events and reads the
   * client configuration. Replaces any user token.
   *
   * @param apiKey the key
   * @return this builder
   */
  public ExceptionlessClientBuilder apiKey(String apiKey) {
    this.credential = Credential.of(apiKey, Credential.Kind.API_KEY, "apiKey");
    return this;
  }

  /**
   * Authenticates with a user token (from logging in), which token management needs. Replaces any API key.
   *
   * @param userToken the token
   * @return this builder
   */
  public ExceptionlessClientBuilder userToken(String userToken) {
    this.credential = Credential.of(userToken, Credential.Kind.USER_TOKEN, "userToken");
    return this;
  }

  /**
   * Sets the time allowed to open a connection (default 10 s); zero means no limit.
   *
   * @param timeout the timeout
   * @return this builder
   */
  public ExceptionlessClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = checkTimeout(timeout, "connectTimeout");
    return this;
  }

  /**
   * Sets the longest wait between bytes of a response (default 30 s); zero means no limit.
   *
   * @param timeout the timeout
   * @return this builder
   */
  public ExceptionlessClientBuilder readTimeout(Duration timeout) {
    this.readTimeout = checkTimeout(timeout, "readTimeout");
    return this;
  }

  /**
   * Sets the longest wait between bytes of a request (default 30 s); zero means no limit.
   *
   * @param timeout the timeout
   * @return this builder
   */
  public ExceptionlessClientBuilder writeTimeout(Duration timeout) {
    this.writeTimeout = checkTimeout(timeout, "writeTimeout");
    return this;
  }

  /**
   * Sets the time allowed for a whole call, connecting to reading the body (default 60 s); zero means no limit.
   *
   * @param timeout the timeout
   * @return this builder
   */
  public ExceptionlessClientBuilder callTimeout(Duration timeout) {
    this.callTimeout = checkTimeout(timeout, "callTimeout");
    return this;
  }

  /**
   * Sets how many times a failed idempotent call (GET, PUT, DELETE) is sent again after a connection
   * failure or a 429, 502, 503 or 504 answer (default 2); 0 turns retries off.
   *
   * @param maxRetries 0 to 10
   * @return this builder
   */
  public ExceptionlessClientBuilder maxRetries(int maxRetries) {
    if (maxRetries < 0 || maxRetries > 10) {
      throw new IllegalArgumentException("maxRetries must be 0 to 10, but was " + maxRetries);
    }
    this.maxRetries = maxRetries;
    return this;
  }

  /**
   * Sets the first wait before a retry (default 500 ms); each further retry waits twice as long, up to
   * {@link #retryMaxDelay(Duration)}, less up to 25 % random jitter.
   *
   * @param delay a positive duration
   * @return this builder
   */
  public ExceptionlessClientBuilder retryBaseDelay(Duration delay) {
    this.retryBaseDelay = checkDelay(delay, "retryBaseDelay");
    return this;
  }

  /**
   * Sets the longest wait before a retry (default 8 s). A {@code Retry-After} asking for longer is not
   * waited for: the call fails at once with the exception, whose {@code retryAfter()} says when to retry.
   *
   * @param delay a positive duration
   * @return this builder
   */
  public ExceptionlessClientBuilder retryMaxDelay(Duration delay) {
    this.retryMaxDelay = checkDelay(delay, "retryMaxDelay");
    return this;
  }

  /**
   * Also retries POST and PATCH calls (default false). Only opt in when a duplicate is harmless to you:
   * the server may have acted on the attempt that failed, and a resubmitted event is stored twice.
   *
   * @param retryPost whether to retry calls that are not idempotent
   * @return this builder
   */
  public ExceptionlessClientBuilder retryPost(boolean retryPost) {
    this.retryPost = retryPost;
    return this;
  }

  /** Replaces the waiting between retries (tests record the waits instead of sleeping). */
  ExceptionlessClientBuilder sleeper(Sleeper sleeper) {
    Objects.requireNonNull(sleeper, "sleeper == null");
    this.sleeper = sleeper;
    return this;
  }

  /** Replaces the jitter source, a value in [0, 1) taking up to 25 % off each backoff delay. */
  ExceptionlessClientBuilder retryJitter(DoubleSupplier jitter) {
    Objects.requireNonNull(jitter, "jitter == null");
    this.retryJitter = jitter;
    return this;
  }

  /** Replaces the clock that HTTP-date {@code Retry-After} values are measured against. */
  ExceptionlessClientBuilder clock(Clock clock) {
    Objects.requireNonNull(clock, "clock == null");
    this.clock = clock;
    return this;
  }

  /**
   * Builds on your OkHttpClient (its proxy, TLS settings, interceptors, connection pool and dispatcher are
   * kept; the timeouts of this builder and the SDK's headers are added to a derived client).
   *
   * @param okHttpClient the client to build on
   * @return this builder
   */
  public ExceptionlessClientBuilder okHttpClient(OkHttpClient okHttpClient) {
    Objects.requireNonNull(okHttpClient, "okHttpClient == null");
    this.okHttpClient = okHttpClient;
    return this;
  }

  /**
   * Reads {@code EXCEPTIONLESS_SERVER_URL}, {@code EXCEPTIONLESS_API_KEY} and {@code EXCEPTIONLESS_USER_TOKEN};
   * unset or blank variables leave the current settings.
   *
   * @return this builder
   * @throws IllegalStateException when a variable is invalid or both credentials are set
   */
  public ExceptionlessClientBuilder fromEnv() {
    return fromEnv(System::getenv);
  }

  ExceptionlessClientBuilder fromEnv(Function<String, String> environment) {
    String url = blankToNull(environment.apply(ENV_SERVER_URL));
    String apiKey = blankToNull(environment.apply(ENV_API_KEY));
    String userToken = blankToNull(environment.apply(ENV_USER_TOKEN));
    if (apiKey != null && userToken != null) {
      throw new IllegalStateException(ENV_API_KEY + " and " + ENV_USER_TOKEN + " are both set, but a client"
          + " authenticates with one credential: unset one of them, or call apiKey(...) or userToken(...) instead");
    }
    try {
      if (url != null) {
        serverUrl(url);
      }
      if (apiKey != null) {
        apiKey(apiKey);
      }
      if (userToken != null) {
        userToken(userToken);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Invalid environment: " + e.getMessage(), e);
    }
    return this;
  }

  /**
   * Builds the client. With an {@code http://} server URL on a host other than the loopback, it logs one
   * warning to the {@code java.util.logging} logger {@code com.exceptionless.client}: API keys and user tokens
   * would travel in clear text (clients derived from this one with {@code withApiKey}, {@code withUserToken} or
   * {@code newBuilder} do not warn again).
   *
   * @return a new immutable client
   * @throws IllegalStateException when the OkHttp on the class path is older than 4.9 (OkHttp 3.x), naming it
   */
  public ExceptionlessClient build() {
    OkHttpCompatibility.check();
    if (retryBaseDelay.compareTo(retryMaxDelay) > 0) {
      throw new IllegalStateException("retryBaseDelay (" + retryBaseDelay + ") is longer than retryMaxDelay ("
          + retryMaxDelay + "): raise retryMaxDelay or lower retryBaseDelay");
    }
    HttpStack.Transport transport = new HttpStack.Transport(okHttpClient, connectTimeout, readTimeout, writeTimeout,
        callTimeout);
    RetryPolicy retries = new RetryPolicy(maxRetries, retryBaseDelay, retryMaxDelay, retryPost, sleeper, retryJitter,
        clock);
    HttpStack stack;
    if (parent == null) {
      ServerUrls.warnIfCleartext(serverUrl);
      stack = HttpStack.create(serverUrl, transport, retries);
    } else {
      if (!parent.serverUrl().equals(serverUrl)) {
        ServerUrls.warnIfCleartext(serverUrl);
      }
      stack = parent.derive(serverUrl, transport, retries);
    }
    return new ExceptionlessClient(copy(), stack, credential);
  }

  /** Returns a copy of these settings that builds on a client's stack (derived clients share pools and adapters). */
  ExceptionlessClientBuilder derivedFrom(HttpStack stack) {
    ExceptionlessClientBuilder copy = copy();
    copy.parent = stack;
    return copy;
  }

  private ExceptionlessClientBuilder copy() {
    ExceptionlessClientBuilder copy = new ExceptionlessClientBuilder();
    copy.serverUrl = serverUrl;
    copy.credential = credential;
    copy.connectTimeout = connectTimeout;
    copy.readTimeout = readTimeout;
    copy.writeTimeout = writeTimeout;
    copy.callTimeout = callTimeout;
    copy.okHttpClient = okHttpClient;
    copy.parent = parent;
    copy.maxRetries = maxRetries;
    copy.retryBaseDelay = retryBaseDelay;
    copy.retryMaxDelay = retryMaxDelay;
    copy.retryPost = retryPost;
    copy.sleeper = sleeper;
    copy.retryJitter = retryJitter;
    copy.clock = clock;
    return copy;
  }

  private static Duration checkTimeout(Duration timeout, String name) {
    return Checks.notNegative(timeout, name, ": use a positive duration, or zero for no limit");
  }

  private static Duration checkDelay(Duration delay, String name) {
    Checks.positive(delay, name);
    if (delay.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(name + " is longer than 10 minutes (" + delay + "): a call should fail"
          + " rather than block that long");
    }
    return delay;
  }

  private static String blankToNull(String value) {
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }

  @Override
  public String toString() {
    return "ExceptionlessClientBuilder{serverUrl=" + serverUrl + ", credential=" + (credential == null ? "none" : credential) + "}";
  }
}
