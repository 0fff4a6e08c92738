package com.exceptionless.spring.boot;

import ch.qos.logback.classic.LoggerContext;
import com.exceptionless.client.reporting.ExceptionlessReporter;
import com.exceptionless.logback.ExceptionlessAppender;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * When {@code exceptionless-logback} is on the class path and Boot logs through Logback: attaches an
 * {@link ExceptionlessAppender} that reports through the reporter bean to the root logger, so Boot's logging feeds
 * breadcrumbs and events without a {@code logback-spring.xml} change ({@code exceptionless.logback.enabled=false}
 * to opt out). The appender never reports the SDK's own records (it uses
 * {@link com.exceptionless.client.reporting.ReportingLoopGuard}).
 */
@AutoConfiguration(after = ExceptionlessAutoConfiguration.class)
@ConditionalOnClass({ExceptionlessAppender.class, LoggerContext.class})
@ConditionalOnBean(ExceptionlessReporter.class)
@ConditionalOnProperty(prefix = "exceptionless.logback", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ExceptionlessProperties.class)
public class ExceptionlessLogbackConfiguration {
  /**
   * The appender on the root logger, attached once the context's beans exist (after Boot's logging initialisation)
   * and detached when the context closes, before the reporter is closed.
   *
   * @param reporter the reporter
   * @param properties the {@code exceptionless.*} properties
   * @return the attachment
   */
  @Bean
  public LogbackAppenderAttachment exceptionlessLogbackAppender(ExceptionlessReporter reporter,
      ExceptionlessProperties properties) {
    return new LogbackAppenderAttachment(reporter, properties.getLogback());
  }
}
