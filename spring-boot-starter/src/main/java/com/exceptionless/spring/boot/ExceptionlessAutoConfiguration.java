package com.exceptionless.spring.boot;

import com.exceptionless.client.reporting.ExceptionlessReporter;
import com.exceptionless.client.reporting.ReporterBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;

/**
 * Configures an {@link ExceptionlessReporter} from the {@code exceptionless.*} properties when
 * {@code exceptionless.api-key} is set and {@code exceptionless.enabled} is not false, and around it: the servlet
 * filter and the Spring MVC exception resolver of {@link ExceptionlessWebConfiguration}, and the Logback appender of
 * {@link ExceptionlessLogbackConfiguration}. The reporter is closed with the context (waiting at most
 * {@code exceptionless.shutdown-timeout} for queued events to be sent).
 */
@AutoConfiguration(after = ProjectInfoAutoConfiguration.class)
@ConditionalOnClass(ExceptionlessReporter.class)
@ConditionalOnProperty(prefix = "exceptionless", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ExceptionlessProperties.class)
public class ExceptionlessAutoConfiguration {
  /**
   * The reporter, unless the application defines its own.
   *
   * @param properties the {@code exceptionless.*} properties
   * @param buildProperties Boot's build info ({@code META-INF/build-info.properties}), when present
   * @return the reporter, closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "exceptionless", name = "api-key")
  public ExceptionlessReporter exceptionlessReporter(ExceptionlessProperties properties,
      ObjectProvider<BuildProperties> buildProperties) {
    ReporterBuilder builder = ExceptionlessReporter.builder().apiKey(properties.getApiKey())
        // the context closes the reporter, in order with the beans that log through it
        .shutdownHook(false)
        .shutdownTimeout(properties.getShutdownTimeout());
    if (properties.getServerUrl() != null) {
      builder.serverUrl(properties.getServerUrl());
    }
    if (!properties.getTags().isEmpty()) {
      builder.defaultTags(properties.getTags().toArray(new String[0]));
    }
    String version = properties.getVersion();
    if (version == null) {
      BuildProperties build = buildProperties.getIfAvailable();
      version = build == null ? null : build.getVersion();
    }
    if (version != null) {
      builder.version(version);
    }
    if (properties.getOutboxFolder() != null) {
      builder.outboxFolder(properties.getOutboxFolder());
    }
    if (properties.getQueueSize() != null) {
      builder.queueCapacity(properties.getQueueSize());
    }
    if (!properties.getDataExclusions().isEmpty()) {
      builder.dataExclusions(properties.getDataExclusions().toArray(new String[0]));
    }
    return builder.build();
  }
}
