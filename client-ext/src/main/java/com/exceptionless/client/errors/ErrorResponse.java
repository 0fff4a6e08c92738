package com.exceptionless.client.errors;

import com.exceptionless.client.model.ProblemDetails;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An error answer from the server and the typed exception it becomes (built through
 * {@link ExceptionlessServiceException#builder()}).
 *
 * <p>400 {@link BadRequestException}, 401 {@link UnauthorizedException}, 402 and 426
 * {@link PlanLimitException}, 403 {@link ForbiddenException}, 404 {@link NotFoundException}, 409
 * {@link ConflictException}, 422 {@link ValidationException}, 429 {@link RateLimitedException}, 5xx
 * {@link ServerErrorException}, anything else {@link UnexpectedStatusException}. Immutable.
 */
final class ErrorResponse {
  private final int statusCode;
  private final String request;
  private final ProblemDetails problem;
  private final Map<String, List<String>> fieldErrors;
  private final Map<String, List<String>> headers;
  private final String hint;
  private final String referenceId;

  /** A token id in a path the server echoes ({@code /api/v2/tokens/<id>}): a secret, never kept. */
  private static final Pattern TOKEN_PATH = Pattern.compile("(?i)(/?api/v2/tokens/)(?!default\\b)[^/?#\\s]+");

  private ErrorResponse(int statusCode, String request, ProblemDetails problem,
      Map<String, List<String>> fieldErrors, Map<String, List<String>> headers, String hint, String referenceId) {
    this.statusCode = statusCode;
    this.request = request;
    this.problem = problem;
    this.fieldErrors = fieldErrors;
    this.headers = headers;
    this.hint = hint;
    this.referenceId = referenceId;
  }

  /**
   * Describes an error answer whose problem details carry the server's {@code reference-id} extension (sent
   * with 5xx answers). A token id in the problem's {@code instance} (the server echoes
   * {@code GET /api/v2/tokens/<id>}) is replaced by {@code {id}}, as in the SDK's own messages.
   *
   * @param statusCode the HTTP status
   * @param request the request as {@code METHOD path}, without query or credentials
   * @param problem the problem details the server sent, or null
   * @param fieldErrors the validation messages per field, or null
   * @param headers the response headers, or null
   * @param hint what the caller can do about this status on this request, or null for the default advice
   * @param referenceId the problem's {@code reference-id} extension, or null
   * @return the description
   */
  static ErrorResponse of(int statusCode, String request, ProblemDetails problem,
      Map<String, List<String>> fieldErrors, Map<String, List<String>> headers, String hint, String referenceId) {
    Objects.requireNonNull(request, "request == null");
    ProblemDetails kept = problem != null ? problem : ProblemDetails.builder().status(statusCode).build();
    if (kept.getInstance() != null) {
      String redacted = redactTokenIds(kept.getInstance());
      if (!redacted.equals(kept.getInstance())) {
        kept = kept.toBuilder().instance(redacted).build();
      }
    }
    return new ErrorResponse(statusCode, request, kept,
        fieldErrors != null ? ExceptionlessServiceException.copyOf(fieldErrors) : Collections.emptyMap(),
        headers != null ? ExceptionlessServiceException.caseInsensitive(headers) : Collections.emptyMap(),
        hint, referenceId == null || referenceId.trim().isEmpty() ? null : referenceId.trim());
  }

  /** Replaces the token id of a {@code api/v2/tokens/<id>} path with {@code {id}}. */
  static String redactTokenIds(String text) {
    return TOKEN_PATH.matcher(text).replaceAll("$1{id}");
  }

  /** Returns the exception type that names this status, carrying this answer. */
  ExceptionlessServiceException toException() {
    switch (statusCode) {
      case 400:
        return new BadRequestException(this);
      case 401:
        return new UnauthorizedException(this);
      case 402:
      case 426:
        return new PlanLimitException(this);
      case 403:
        return new ForbiddenException(this);
      case 404:
        return new NotFoundException(this);
      case 409:
        return new ConflictException(this);
      case 422:
        return new ValidationException(this);
      case 429:
        return new RateLimitedException(this);
      default:
        return statusCode >= 500 && statusCode <= 599
            ? new ServerErrorException(this)
            : new UnexpectedStatusException(this);
    }
  }

  int statusCode() {
    return statusCode;
  }

  String request() {
    return request;
  }

  ProblemDetails problem() {
    return problem;
  }

  Map<String, List<String>> fieldErrors() {
    return fieldErrors;
  }

  Map<String, List<String>> headers() {
    return headers;
  }

  String referenceId() {
    return referenceId;
  }

  /** The exception message: status, request, the server's words, the field errors and what to do. */
  String message() {
    StringBuilder message = new StringBuilder()
        .append(statusCode).append(' ').append(StatusAdvice.reason(statusCode))
        .append(" on ").append(request);
    String serverWords = serverWords();
    if (serverWords != null) {
      message.append(": ").append(serverWords);
    }
    if (!fieldErrors.isEmpty()) {
      message.append(serverWords != null && serverWords.endsWith(".") ? " " : ". ").append("Invalid: ");
      boolean first = true;
      for (Map.Entry<String, List<String>> field : fieldErrors.entrySet()) {
        message.append(first ? "" : "; ")
            .append(field.getKey().isEmpty() ? "body" : field.getKey())
            .append(" (").append(String.join(" ", field.getValue())).append(')');
        first = false;
      }
    }
    String advice = hint != null ? hint : StatusAdvice.advice(statusCode);
    if (advice != null) {
      message.append(message.charAt(message.length() - 1) == '.' ? " " : ". ").append(advice);
    }
    if (referenceId != null) {
      message.append(message.charAt(message.length() - 1) == '.' ? " " : ". ")
          .append("Quote the server's reference id ").append(referenceId).append(" to support.");
    }
    return message.toString();
  }

  private String serverWords() {
    String title = problem.getTitle();
    String detail = problem.getDetail();
    boolean usefulTitle = title != null && !title.isEmpty() && !title.equalsIgnoreCase(StatusAdvice.reason(statusCode));
    if (usefulTitle && detail != null && !detail.isEmpty()) {
      return title + " " + detail;
    }
    if (usefulTitle) {
      return title;
    }
    return detail != null && !detail.isEmpty() ? detail : null;
  }

  @Override
  public String toString() {
    return "ErrorResponse{" + message() + "}";
  }
}
