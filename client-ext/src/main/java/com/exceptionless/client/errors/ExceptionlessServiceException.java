package com.exceptionless.client.errors;

import com.exceptionless.client.model.ProblemDetails;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The server answered with a status that is not a success.
 *
 * <p>Carries the status, the RFC 7807 problem details the server sent, the per-field errors of a
 * validation problem, and the response headers. Subclasses name the status (see {@link ErrorResponse}
 * for how an answer maps to a subclass). Immutable.
 */
public class ExceptionlessServiceException extends ExceptionlessException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorResponse response;

  /**
   * Creates the exception for an error answer.
   *
   * @param response the error answer
   */
  public ExceptionlessServiceException(ErrorResponse response) {
    super(response.message(), null);
    this.response = response;
  }

  /** Returns the HTTP status, for example 404. */
  public int statusCode() {
    return response.statusCode();
  }

  /** The answer this exception carries (null after deserialization: it is transient). */
  ErrorResponse response() {
    return response;
  }

  /** Returns the problem details the server sent, or an empty problem when the body was not one. */
  public ProblemDetails problem() {
    return response.problem();
  }

  /**
   * Returns the validation messages per field (snake_case names as the server writes them; an empty name
   * means the body as a whole), or an empty map.
   */
  public Map<String, List<String>> fieldErrors() {
    return response.fieldErrors();
  }

  /** Returns the response headers, names in lower case, in a case-insensitive read-only map. */
  public Map<String, List<String>> headers() {
    return response.headers();
  }

  /**
   * Returns the first value of a response header.
   *
   * @param name the header name, in any case
   * @return the value, or empty when absent
   */
  public Optional<String> header(String name) {
    List<String> values = response.headers().get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Returns the wait the server asked for with {@code Retry-After} (seconds or an HTTP date), when sent.
   * The Exceptionless server itself sends none; proxies and gateways may.
   */
  public Optional<Duration> retryAfter() {
    return header("Retry-After").flatMap(value -> RetryAfter.parse(value, Clock.systemUTC()));
  }

  /** Returns the request the answer was for, as {@code METHOD path} (no query, no credentials). */
  public String request() {
    return response.request();
  }

  static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    return Collections.unmodifiableMap(copy);
  }

  static Map<String, List<String>> copyOf(Map<String, List<String>> errors) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }
}
