package com.exceptionless.spring.boot;

import com.exceptionless.servlet.ExceptionlessFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The first {@link HandlerExceptionResolver}, which never resolves anything (so Spring answers as it would without
 * it): it notes the request's user for {@link ExceptionlessFilter} ({@link ExceptionlessFilter#USER_ATTRIBUTE}),
 * since by the time an exception escapes to the filter Spring Security has cleared its context; when configured to
 * report handled exceptions it reports each exception at once through {@link ExceptionlessFilter#report}, with the
 * request and the user, which marks it so that the filter does not report it again. Thread-safe.
 */
public final class ExceptionlessHandlerExceptionResolver implements HandlerExceptionResolver, Ordered {
  private final ExceptionlessFilter filter;
  private final boolean reportHandled;

  /**
   * Creates the resolver.
   *
   * @param filter the filter that reports with the request and the user
   * @param reportHandled whether to report every handler exception here, handled or not
   */
  public ExceptionlessHandlerExceptionResolver(ExceptionlessFilter filter, boolean reportHandled) {
    this.filter = Objects.requireNonNull(filter, "filter == null");
    this.reportHandled = reportHandled;
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception ex) {
    try {
      String user = user(request);
      if (user != null) {
        request.setAttribute(ExceptionlessFilter.USER_ATTRIBUTE, user);
      }
      if (reportHandled) {
        filter.report(request, ex);
      }
    } catch (RuntimeException e) {
      // never in the way of Spring's own handling
    }
    return null;
  }

  /** The principal's name: Spring Security's request wrapper answers with the authenticated user, not anonymous. */
  private static String user(HttpServletRequest request) {
    Principal principal = request.getUserPrincipal();
    String name = principal == null ? null : principal.getName();
    return name == null || name.trim().isEmpty() ? null : name;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public String toString() {
    return "ExceptionlessHandlerExceptionResolver{reportHandled=" + reportHandled + "}";
  }
}
