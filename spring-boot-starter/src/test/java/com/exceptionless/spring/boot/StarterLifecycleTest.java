package com.exceptionless.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.exceptionless.client.reporting.ExceptionlessReporter;
import com.exceptionless.testkit.ExceptionlessTestServerExtension;
import com.exceptionless.testkit.ReceivedEvent;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kotlin.KotlinVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Whole applications started and closed here: configuration from the environment, closing, bean conditions. */
class StarterLifecycleTest {
  @RegisterExtension
  static final ExceptionlessTestServerExtension SERVER = new ExceptionlessTestServerExtension();

  @BeforeEach
  void clear() {
    SERVER.server().clearReceived();
  }

  @Test
  @SuppressWarnings("unchecked")
  void configuredFromEnvironmentVariablesAHandledExceptionIsReportedWhenAskedAndClosingTheContextSendsIt() throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
            "EXCEPTIONLESS_SERVER_URL", SERVER.server().baseUrl(),
            "EXCEPTIONLESS_API_KEY", SERVER.server().accounts().clientApiKey(),
            "EXCEPTIONLESS_TAGS", "shop,eu-west",
            "EXCEPTIONLESS_WEB_REPORTHANDLEDEXCEPTIONS", "true")));
    ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class).environment(environment)
        .properties("server.port=0").run();
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();

    HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/handled")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    context.close();

    assertThat(response.statusCode()).isEqualTo(409);
    List<ReceivedEvent> events = SERVER.server().receivedEvents();
    assertThat(events).hasSize(1);
    Map<String, Object> event = events.get(0).json();
    assertThat(event).containsEntry("type", "error").containsEntry("message", "item 7 is out of stock");
    assertThat((List<Object>) event.get("tags")).containsExactly("shop", "eu-west");
    Map<String, Object> data = (Map<String, Object>) event.get("data");
    assertThat((Map<String, Object>) data.get("@request")).containsEntry("path", "/handled");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theVersionIsBootsBuildInfoUnlessConfigured() throws Exception {
    Properties build = new Properties();
    build.setProperty("version", "4.2.0-build");
    try (ConfigurableApplicationContext context = nonWeb()
        .initializers(c -> ((org.springframework.context.support.GenericApplicationContext) c)
            .registerBean(BuildProperties.class, () -> new BuildProperties(build)))
        .run()) {
      context.getBean(ExceptionlessReporter.class).submitLog("versions", "started", com.exceptionless.client.reporting.LogLevel.INFO);
    }

    assertThat(SERVER.server().receivedEvents()).hasSize(1);
    Map<String, Object> data = (Map<String, Object>) SERVER.server().receivedEvents().get(0).json().get("data");
    assertThat(data).containsEntry("@version", "4.2.0-build");
  }

  @Test
  void withoutAnApiKeyOrWhenDisabledNothingIsConfiguredAndAnApplicationsOwnReporterWins() {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
        .web(org.springframework.boot.WebApplicationType.NONE).run()) {
      assertThat(context.getBeansOfType(ExceptionlessReporter.class)).isEmpty();
    }
    try (ConfigurableApplicationContext context = nonWeb().properties("exceptionless.enabled=false").run()) {
      assertThat(context.getBeansOfType(ExceptionlessReporter.class)).isEmpty();
      assertThat(context.getBeansOfType(LogbackAppenderAttachment.class)).isEmpty();
    }
    ExceptionlessReporter own = ExceptionlessReporter.builder().serverUrl(SERVER.server().baseUrl())
        .apiKey(SERVER.server().accounts().clientApiKey()).shutdownHook(false).build();
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
        .web(org.springframework.boot.WebApplicationType.NONE)
        .initializers(c -> ((org.springframework.context.support.GenericApplicationContext) c)
            .registerBean("ownReporter", ExceptionlessReporter.class, () -> own))
        .run()) {
      assertThat(context.getBeansOfType(ExceptionlessReporter.class)).containsOnlyKeys("ownReporter");
      assertThat(context.getBean(LogbackAppenderAttachment.class).appender().getReporter()).isSameAs(own);
    } finally {
      own.close();
    }
  }

  @Test
  void theAppenderSitsOnBootsRootLoggerWhileTheContextRunsUnlessTurnedOff() {
    ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
        org.slf4j.Logger.ROOT_LOGGER_NAME);
    try (ConfigurableApplicationContext context = nonWeb().run()) {
      assertThat(root.getAppender(LogbackAppenderAttachment.APPENDER_NAME)).isNotNull()
          .isSameAs(context.getBean(LogbackAppenderAttachment.class).appender());
    }
    assertThat(root.getAppender(LogbackAppenderAttachment.APPENDER_NAME)).isNull();
    try (ConfigurableApplicationContext context = nonWeb().properties("exceptionless.logback.enabled=false").run()) {
      assertThat(context.getBeansOfType(ExceptionlessReporter.class)).hasSize(1);
      assertThat(root.getAppender(LogbackAppenderAttachment.APPENDER_NAME)).isNull();
    }
  }

  @Test
  void idesCompleteThePropertiesFromTheGeneratedMetadata() throws Exception {
    String metadata;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).isNotNull();
      metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(metadata).contains("\"name\": \"exceptionless.server-url\"", "\"name\": \"exceptionless.api-key\"",
        "\"name\": \"exceptionless.web.not-found-events\"", "\"name\": \"exceptionless.logback.enabled\"",
        "The project's client API key.");
  }

  @Test
  void theClientRunsOnTheKotlinStandardLibraryBootManages() {
    assertThat(KotlinVersion.CURRENT.toString()).isEqualTo(System.getProperty("spring-boot.kotlin.version"));
  }

  private static SpringApplicationBuilder nonWeb() {
    return new SpringApplicationBuilder(TestApplication.class).web(org.springframework.boot.WebApplicationType.NONE)
        .properties("exceptionless.server-url=" + SERVER.server().baseUrl(),
            "exceptionless.api-key=" + SERVER.server().accounts().clientApiKey());
  }
}
