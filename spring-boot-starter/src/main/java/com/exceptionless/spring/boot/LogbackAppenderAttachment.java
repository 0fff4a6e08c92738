package com.exceptionless.spring.boot;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.exceptionless.client.reporting.ExceptionlessReporter;
import com.exceptionless.logback.ExceptionlessAppender;
import java.util.Objects;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Attaches an {@link ExceptionlessAppender} reporting through the application's reporter to Logback's root logger
 * once all singletons exist, and detaches it when the context closes. Does nothing when SLF4J is not bound to
 * Logback. Used by the context's own threads only.
 */
public final class LogbackAppenderAttachment implements SmartInitializingSingleton, DisposableBean {
  /** The appender's name on the root logger. */
  public static final String APPENDER_NAME = "EXCEPTIONLESS";

  private final ExceptionlessReporter reporter;
  private final ExceptionlessProperties.Logback settings;
  private ExceptionlessAppender appender;
  private Logger root;

  LogbackAppenderAttachment(ExceptionlessReporter reporter, ExceptionlessProperties.Logback settings) {
    this.reporter = Objects.requireNonNull(reporter, "reporter == null");
    this.settings = Objects.requireNonNull(settings, "settings == null");
  }

  @Override
  public void afterSingletonsInstantiated() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext)) {
      return;
    }
    LoggerContext context = (LoggerContext) factory;
    ExceptionlessAppender created = new ExceptionlessAppender();
    created.setContext(context);
    created.setName(APPENDER_NAME);
    created.setReporter(reporter);
    created.setEventLevel(settings.getEventLevel());
    created.setBreadcrumbLevel(settings.getBreadcrumbLevel());
    created.start();
    if (!created.isStarted()) {
      throw new IllegalStateException("The Exceptionless Logback appender did not start (check exceptionless.logback.event-level "
          + "and exceptionless.logback.breadcrumb-level): " + context.getStatusManager().getCopyOfStatusList());
    }
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(created);
    appender = created;
  }

  /** Returns the attached appender, or null when Logback is not SLF4J's binding. */
  public ExceptionlessAppender appender() {
    return appender;
  }

  @Override
  public void destroy() {
    if (appender != null) {
      root.detachAppender(appender);
      appender.stop();
      appender = null;
    }
  }
}
