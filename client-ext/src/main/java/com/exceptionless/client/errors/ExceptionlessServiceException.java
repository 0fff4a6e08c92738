package com.exceptionless.client.errors;

import com.exceptionless.client.internal.RetryAfter;
import com.exceptionless.client.model.ProblemDetails;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with a status that is not a success.
 *
 * <p>Carries the status, the RFC 7807 problem details the server sent, the per-field errors of a
 * validation problem, and the response headers. Subclasses name the status: 400 {@link BadRequestException},
 * 401 {@link UnauthorizedException}, 402 and 426 {@link PlanLimitException}, 403 {@link ForbiddenException}, 404
 * {@link NotFoundException}, 409 {@link ConflictException}, 422 {@link ValidationException}, 429
 * {@link RateLimitedException}, 5xx {@link ServerErrorException}, anything else {@link UnexpectedStatusException}.
 * Immutable.
 */
public class ExceptionlessServiceException extends ExceptionlessException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorResponse response;

  ExceptionlessServiceException(ErrorResponse response) {
    super(response.message(), null);
    this.response = response;
  }

  /**
   * Returns a builder of the exception the SDK throws for an error answer, for example to test how your code
   * handles a 404 or a 429 without a server; {@link Builder#build()} picks the subclass by status.
   */
  public static Builder builder() {
    return new Builder();
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

  /**
   * Builds the typed exception of an error answer, as the SDK's calls do. Not thread-safe; {@link #build()} may be
   * called many times.
   */
  public static final class Builder {
    private int statusCode;
    private String request;
    private ProblemDetails problem;
    private Map<String, List<String>> fieldErrors;
    private Map<String, List<String>> headers;
    private String advice;
    private String referenceId;

    Builder() {
    }

    /**
     * Sets the HTTP status (required), which names the subclass.
     *
     * @param statusCode the status of an answer that is not a success, 300 to 999
     * @return this builder
     */
    public Builder statusCode(int statusCode) {
      if (statusCode < 300 || statusCode > 999) {
        throw new IllegalArgumentException("statusCode must be 300 to 999, but was " + statusCode);
      }
      this.statusCode = statusCode;
      return this;
    }

    /**
     * Sets the request the answer was for (required), as {@code METHOD path} without query or credentials.
     *
     * @param request for example {@code GET api/v2/projects/{id}}
     * @return this builder
     */
    public Builder request(String request) {
      this.request = Objects.requireNonNull(request, "request == null");
      return this;
    }

    /**
     * Sets the problem details the server sent; without them the exception carries an empty problem with the
     * status. A token id in the problem's {@code instance} is replaced by {@code {id}}.
     *
     * @param problem the problem details, or null
     * @return this builder
     */
    public Builder problem(@Nullable ProblemDetails problem) {
      this.problem = problem;
      return this;
    }

    /**
     * Sets the validation messages per field.
     *
     * @param fieldErrors the messages, or null for none
     * @return this builder
     */
    public Builder fieldErrors(@Nullable Map<String, List<String>> fieldErrors) {
      this.fieldErrors = fieldErrors;
      return this;
    }

    /**
     * Sets the response headers (read case-insensitively).
     *
     * @param headers the headers, or null for none
     * @return this builder
     */
    public Builder headers(@Nullable Map<String, List<String>> headers) {
      this.headers = headers;
      return this;
    }

    /**
     * Sets what the caller can do about this status on this request, replacing the default advice of the
     * message.
     *
     * @param advice the advice, or null for the default
     * @return this builder
     */
    public Builder advice(@Nullable String advice) {
      this.advice = advice;
      return this;
    }

    /**
     * Sets the {@code reference-id} the server gives a 5xx answer.
     *
     * @param referenceId the reference id, or null
     * @return this builder
     */
    public Builder referenceId(@Nullable String referenceId) {
      this.referenceId = referenceId;
      return this;
    }

    /**
     * Returns the exception the status names.
     *
     * @throws IllegalStateException when the status or the request is not set
     */
    public ExceptionlessServiceException build() {
      if (statusCode == 0) {
        throw new IllegalStateException("statusCode is not set");
      }
      if (request == null) {
        throw new IllegalStateException("request is not set");
      }
      return ErrorResponse.of(statusCode, request, problem, fieldErrors, headers, advice, referenceId).toException();
    }
  }
}
