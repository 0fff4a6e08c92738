package com.exceptionless.servlet;

import com.exceptionless.client.reporting.EventBuilder;
import com.exceptionless.client.reporting.ExceptionlessReporter;
import com.exceptionless.client.reporting.ReportingLoopGuard;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Objects;

/**
 * A servlet filter that reports what escapes a request: an exception thrown by the rest of the chain becomes an
 * error event with the request as {@code @request} (see {@link RequestInfoCollector}) and the principal's name as
 * user, and is then rethrown unchanged; optionally, a request answered with 404 becomes a {@code 404} event whose
 * source is the request's path (without secret-looking path parameters such as {@code ;jsessionid=}). It never touches the response and never reads the request's body. A
 * {@link ServletException} that only wraps a cause (as frameworks wrap what a handler threw) is reported as its
 * cause. Errors of asynchronous requests after {@code startAsync} are not seen here. With
 * {@link Builder#postData(int)} the event also carries what the application read of the body.
 *
 * <p>Register it for the {@code REQUEST} dispatch, before the filters whose failures should be reported:
 * <pre>{@code
 * servletContext.addFilter("exceptionless", new ExceptionlessFilter(reporter))
 *     .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
 * }</pre>
 *
 * <p>Integrations that know more than the container can tell the filter through request attributes:
 * {@link #USER_ATTRIBUTE} (the user identity, when the principal is no longer there once the exception reaches
 * the filter) and {@link #REPORTED_ATTRIBUTE} (an exception they already reported, not to be reported twice).
 *
 * <p>Thread-safe: one instance serves all requests.
 */
public final class ExceptionlessFilter implements Filter {
  /** Request attribute: the user identity (a {@code String}) to report instead of the request's principal. */
  public static final String USER_ATTRIBUTE = "com.exceptionless.servlet.user";
  /** Request attribute: a {@code Throwable} already reported; the filter does not report it (or what wraps it) again. */
  public static final String REPORTED_ATTRIBUTE = "com.exceptionless.servlet.reported";

  private static final int MAX_CAUSES = 20;

  private final ExceptionlessReporter reporter;
  private final RequestInfoCollector requestInfo;
  private final boolean notFoundEvents;
  private final int postDataBytes;

  /**
   * Creates a filter with the default {@link RequestInfoCollector} and without 404 events.
   *
   * @param reporter the reporter the events go to
   */
  public ExceptionlessFilter(ExceptionlessReporter reporter) {
    this(builder(reporter));
  }

  private ExceptionlessFilter(Builder builder) {
    this.reporter = builder.reporter;
    this.requestInfo = builder.requestInfo;
    this.notFoundEvents = builder.notFoundEvents;
    this.postDataBytes = builder.postDataBytes;
  }

  /**
   * Returns a builder.
   *
   * @param reporter the reporter the events go to
   * @return the builder
   */
  public static Builder builder(ExceptionlessReporter reporter) {
    return new Builder(reporter);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletRequest httpRequest = postDataBytes > 0 && !(request.getAttribute(BodyRecordingRequest.ATTRIBUTE) instanceof BodyRecordingRequest)
        ? new BodyRecordingRequest((HttpServletRequest) request, postDataBytes) : (HttpServletRequest) request;
    try {
      chain.doFilter(httpRequest, response);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      report(httpRequest, e);
      throw e;
    }
    if (notFoundEvents && !httpRequest.isAsyncStarted() && ((HttpServletResponse) response).getStatus() == 404) {
      reportNotFound(httpRequest);
    }
  }

  /**
   * Reports an exception of this request now, as the filter reports one that escapes it (with {@code @request}
   * and the user), unless it was already reported; then marks it ({@link #REPORTED_ATTRIBUTE}) so that it is not
   * reported again when it escapes. For integrations that see exceptions the application answers itself, such as
   * a framework's exception handlers. Never throws.
   *
   * @param request the request the exception happened in
   * @param thrown the exception
   */
  public void report(HttpServletRequest request, Throwable thrown) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(thrown, "thrown == null");
    if (alreadyReported(request, thrown) || !ReportingLoopGuard.enter()) {
      return;
    }
    try {
      request.setAttribute(REPORTED_ATTRIBUTE, thrown);
      submit(reporter.createException(unwrap(thrown)), request);
    } catch (RuntimeException e) {
      // a recycled request: nothing is thrown into the application's handling
    } finally {
      ReportingLoopGuard.exit();
    }
  }

  private void reportNotFound(HttpServletRequest request) {
    if (!ReportingLoopGuard.enter()) {
      return;
    }
    try {
      submit(reporter.createNotFound(requestInfo.withoutSecretPathParameters(request.getRequestURI())), request);
    } finally {
      ReportingLoopGuard.exit();
    }
  }

  /** Adds the request and the user; what cannot be read is left out, and nothing is thrown into the request. */
  private void submit(EventBuilder event, HttpServletRequest request) {
    try {
      event.request(requestInfo.collect(request));
    } catch (RuntimeException e) {
      // a recycled or broken request: the event still goes, without @request
    }
    try {
      String user = user(request);
      if (user != null && !user.trim().isEmpty()) {
        event.user(user, null);
      }
    } catch (RuntimeException e) {
      // no user rather than no event
    }
    event.submit();
  }

  private static String user(HttpServletRequest request) {
    Object known = request.getAttribute(USER_ATTRIBUTE);
    if (known instanceof String) {
      return (String) known;
    }
    Principal principal = request.getUserPrincipal();
    return principal == null ? null : principal.getName();
  }

  private static boolean alreadyReported(HttpServletRequest request, Throwable thrown) {
    Object reported = request.getAttribute(REPORTED_ATTRIBUTE);
    if (!(reported instanceof Throwable)) {
      return false;
    }
    Throwable current = thrown;
    for (int i = 0; current != null && i < MAX_CAUSES; i++, current = current.getCause()) {
      if (current == reported) {
        return true;
      }
    }
    return false;
  }

  /** A ServletException that only wraps what a handler threw is reported as that. */
  static Throwable unwrap(Throwable thrown) {
    Throwable current = thrown;
    for (int i = 0; i < MAX_CAUSES && current instanceof ServletException && current.getCause() != null; i++) {
      current = current.getCause();
    }
    return current;
  }

  @Override
  public String toString() {
    return "ExceptionlessFilter{notFoundEvents=" + notFoundEvents + ", postDataBytes=" + postDataBytes + "}";
  }

  /** Builds an {@link ExceptionlessFilter}; not thread-safe. */
  public static final class Builder {
    private final ExceptionlessReporter reporter;
    private RequestInfoCollector requestInfo = RequestInfoCollector.defaults();
    private boolean notFoundEvents;
    private int postDataBytes;

    private Builder(ExceptionlessReporter reporter) {
      this.reporter = Objects.requireNonNull(reporter, "reporter == null");
    }

    /**
     * Sets what is taken from the request (default {@link RequestInfoCollector#defaults()}).
     *
     * @param requestInfo the collector
     * @return this builder
     */
    public Builder requestInfo(RequestInfoCollector requestInfo) {
      this.requestInfo = Objects.requireNonNull(requestInfo, "requestInfo == null");
      return this;
    }

    /**
     * Sets whether requests answered with 404 become {@code 404} events (default false).
     *
     * @param enabled whether to report 404 answers
     * @return this builder
     */
    public Builder notFoundEvents(boolean enabled) {
      this.notFoundEvents = enabled;
      return this;
    }

    /**
     * Sends what the application read of a request's body as {@code post_data}, up to this many bytes (default 0:
     * never). The filter then hands the application a request that keeps a copy of the body as the application
     * reads it; it never reads a body itself. Form fields (read through the parameters or from the body) and JSON
     * are sent as structures without the fields whose name looks secret ({@link RequestInfoCollector#secretNames()})
     * and with the reporter's data exclusions applied; other text ({@code text/*}, XML) is sent as text, cut at the
     * limit, so leave this off where such bodies carry secrets; JSON cut by the limit and binary bodies are not sent.
     *
     * @param maxBytes how much of the body is kept, 0 to send none
     * @return this builder
     * @throws IllegalArgumentException when {@code maxBytes} is negative or over 1,000,000
     */
    public Builder postData(int maxBytes) {
      if (maxBytes < 0 || maxBytes > 1_000_000) {
        throw new IllegalArgumentException("postData maxBytes must be between 0 and 1000000: " + maxBytes);
      }
      this.postDataBytes = maxBytes;
      return this;
    }

    /** Returns the filter. */
    public ExceptionlessFilter build() {
      return new ExceptionlessFilter(this);
    }
  }
}
