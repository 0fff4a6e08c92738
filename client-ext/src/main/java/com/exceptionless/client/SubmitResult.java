package com.exceptionless.client;

import java.util.OptionalInt;
import retrofit2.Response;

/**
 * What the server said when it accepted events (202): the project's configuration version and the rate
 * limit state. The events themselves are processed asynchronously. Immutable.
 */
public final class SubmitResult {
  private final Integer configVersion;
  private final Integer rateLimitRemaining;

  private SubmitResult(Integer configVersion, Integer rateLimitRemaining) {
    this.configVersion = configVersion;
    this.rateLimitRemaining = rateLimitRemaining;
  }

  static SubmitResult from(Response<?> response) {
    return new SubmitResult(intHeader(response, "X-Exceptionless-ConfigVersion"), intHeader(response, "X-RateLimit-Remaining"));
  }

  /** Returns {@code X-Exceptionless-ConfigVersion}: refresh the client configuration when it grows. */
  public OptionalInt configVersion() {
    return configVersion == null ? OptionalInt.empty() : OptionalInt.of(configVersion);
  }

  /** Returns {@code X-RateLimit-Remaining}, the requests left in the server's 15-minute window. */
  public OptionalInt rateLimitRemaining() {
    return rateLimitRemaining == null ? OptionalInt.empty() : OptionalInt.of(rateLimitRemaining);
  }

  private static Integer intHeader(Response<?> response, String name) {
    String value = response.headers().get(name);
    try {
      return value == null ? null : Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "SubmitResult{configVersion=" + configVersion + ", rateLimitRemaining=" + rateLimitRemaining + "}";
  }
}
