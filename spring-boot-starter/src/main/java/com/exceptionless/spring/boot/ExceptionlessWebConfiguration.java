package com.exceptionless.spring.boot;

import com.exceptionless.client.reporting.ExceptionlessReporter;
import com.exceptionless.servlet.ExceptionlessFilter;
import com.exceptionless.servlet.RequestInfoCollector;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Reports Spring MVC request errors in a servlet web application, with the request as {@code @request} and the
 * user (the Spring Security principal, or the container's) as {@code @user}, without changing any response:
 * <ul>
 *   <li>{@link ExceptionlessFilter}, registered first for {@code REQUEST} and {@code ASYNC} dispatches, reports the exceptions that
 *       escape Spring MVC (those no {@code @ExceptionHandler}, {@code @ResponseStatus} or Spring resolver turned into
 *       a response; the container answers them with 500), and 404 answers when
 *       {@code exceptionless.web.not-found-events} is true.</li>
 *   <li>{@link ExceptionlessHandlerExceptionResolver}, first among the resolvers and resolving nothing, sees each
 *       handler exception while the user is still known (Spring Security clears its context before the exception
 *       reaches the filter) and hands the user to the filter; with {@code exceptionless.web.report-handled-exceptions}
 *       it reports every handler exception itself, the handled ones included.</li>
 * </ul>
 * Servlet stack only: WebFlux applications get the reporter and the logging integration, not request errors.
 */
@AutoConfiguration(after = ExceptionlessAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ExceptionlessFilter.class, DispatcherServlet.class})
@ConditionalOnBean(ExceptionlessReporter.class)
@ConditionalOnProperty(prefix = "exceptionless.web", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ExceptionlessProperties.class)
public class ExceptionlessWebConfiguration {
  /** The filter's order: first, after Boot's character encoding filter, so failures of later filters are seen. */
  public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  /**
   * What is taken from requests.
   *
   * @param properties the {@code exceptionless.*} properties
   * @return the collector
   */
  @Bean
  public RequestInfoCollector exceptionlessRequestInfoCollector(ExceptionlessProperties properties) {
    RequestInfoCollector.Builder builder = RequestInfoCollector.builder();
    if (properties.getWeb().getSecretNames() != null) {
      builder.secretNames(properties.getWeb().getSecretNames());
    }
    return builder.build();
  }

  /**
   * The filter, for {@code REQUEST} and {@code ASYNC} dispatches of every path.
   *
   * @param reporter the reporter
   * @param requestInfo what is taken from requests
   * @param properties the {@code exceptionless.*} properties
   * @return its registration
   */
  @Bean
  public FilterRegistrationBean<ExceptionlessFilter> exceptionlessFilter(ExceptionlessReporter reporter,
      RequestInfoCollector requestInfo, ExceptionlessProperties properties) {
    ExceptionlessFilter filter = ExceptionlessFilter.builder(reporter).requestInfo(requestInfo)
        .notFoundEvents(properties.getWeb().isNotFoundEvents()).postData(properties.getWeb().getPostDataBytes()).build();
    FilterRegistrationBean<ExceptionlessFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("exceptionlessFilter");
    // ASYNC too: what a Callable or DeferredResult throws escapes in the async dispatch
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
    registration.setOrder(FILTER_ORDER);
    return registration;
  }

  /**
   * The resolver that sees handler exceptions first.
   *
   * @param filter the filter's registration: the resolver reports through the filter
   * @param properties the {@code exceptionless.*} properties
   * @return the resolver
   */
  @Bean
  public ExceptionlessHandlerExceptionResolver exceptionlessHandlerExceptionResolver(
      FilterRegistrationBean<ExceptionlessFilter> filter, ExceptionlessProperties properties) {
    return new ExceptionlessHandlerExceptionResolver(filter.getFilter(), properties.getWeb().isReportHandledExceptions());
  }
}
