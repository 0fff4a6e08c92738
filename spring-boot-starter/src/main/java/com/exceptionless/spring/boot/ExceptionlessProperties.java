package com.exceptionless.spring.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code exceptionless.*} properties. Boot's relaxed binding applies, so {@code EXCEPTIONLESS_SERVER_URL} and
 * {@code EXCEPTIONLESS_API_KEY} in the environment set {@code exceptionless.server-url} and
 * {@code exceptionless.api-key}. Bound once at start; not meant to be changed afterwards.
 */
@ConfigurationProperties(prefix = "exceptionless")
public class ExceptionlessProperties {
  /** Whether to report to Exceptionless at all; without an API key nothing is configured either. */
  private boolean enabled = true;

  /** The server's base URL; the reporter's default (Exceptionless' hosted service) when unset. */
  private String serverUrl;

  /** The project's client API key. Never logged. */
  private String apiKey;

  /** Tags added to every event. */
  private List<String> tags = new ArrayList<>();

  /** The application version sent as @version; by default Boot's build info, then the main jar's manifest. */
  private String version;

  /** A folder where events wait until sent, surviving restarts; in memory only when unset. */
  private Path outboxFolder;

  /** How many events may wait in memory for the reporter's writer (the reporter's default when unset). */
  private Integer queueSize;

  /** Data keys (wildcards allowed, such as *password*) never sent, added to the server's data exclusions. */
  private List<String> dataExclusions = new ArrayList<>();

  /** How long closing the application context waits for queued events to be sent. */
  private Duration shutdownTimeout = Duration.ofSeconds(5);

  /** Web requests (Spring MVC on a servlet container). */
  private final Web web = new Web();

  /** Boot's Logback logging through the exceptionless-logback appender, when that module is present. */
  private final Logback logback = new Logback();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getServerUrl() {
    return serverUrl;
  }

  public void setServerUrl(String serverUrl) {
    this.serverUrl = serverUrl;
  }

  public String getApiKey() {
    return apiKey;
  }

  public void setApiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public Path getOutboxFolder() {
    return outboxFolder;
  }

  public void setOutboxFolder(Path outboxFolder) {
    this.outboxFolder = outboxFolder;
  }

  public Integer getQueueSize() {
    return queueSize;
  }

  public void setQueueSize(Integer queueSize) {
    this.queueSize = queueSize;
  }

  public List<String> getDataExclusions() {
    return dataExclusions;
  }

  public void setDataExclusions(List<String> dataExclusions) {
    this.dataExclusions = dataExclusions;
  }

  public Duration getShutdownTimeout() {
    return shutdownTimeout;
  }

  public void setShutdownTimeout(Duration shutdownTimeout) {
    this.shutdownTimeout = shutdownTimeout;
  }

  public Web getWeb() {
    return web;
  }

  public Logback getLogback() {
    return logback;
  }

  @Override
  public String toString() {
    return "ExceptionlessProperties{enabled=" + enabled + ", serverUrl=" + serverUrl + ", apiKey="
        + (apiKey == null ? "unset" : "set") + "}";
  }

  /** The {@code exceptionless.web.*} properties. */
  public static class Web {
    /** Whether exceptions escaping Spring MVC requests are reported, with the request as @request. */
    private boolean enabled = true;

    /** Whether requests answered with 404 become 404 events (the path as source). */
    private boolean notFoundEvents;

    /**
     * Whether exceptions that a handler (@ExceptionHandler, @ResponseStatus, Spring's own resolvers) turned into a
     * response are reported too; by default only those that escape Spring MVC are.
     */
    private boolean reportHandledExceptions;

    /**
     * Parts of header and query parameter names (ignoring case) whose values are never sent; the defaults are
     * password, passwd, pwd, secret, token, key, auth, credential, session, signature and cookie. The Authorization,
     * Cookie, Set-Cookie and Proxy-Authorization headers and cookie values are never sent whatever this says.
     */
    private List<String> secretNames;

    /**
     * How many bytes of a request body the application read are sent as post_data (0, the default: none). Form
     * fields and JSON go without the fields whose name looks secret; other text goes as text.
     */
    private int postDataBytes;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public boolean isNotFoundEvents() {
      return notFoundEvents;
    }

    public void setNotFoundEvents(boolean notFoundEvents) {
      this.notFoundEvents = notFoundEvents;
    }

    public boolean isReportHandledExceptions() {
      return reportHandledExceptions;
    }

    public void setReportHandledExceptions(boolean reportHandledExceptions) {
      this.reportHandledExceptions = reportHandledExceptions;
    }

    public List<String> getSecretNames() {
      return secretNames;
    }

    public void setSecretNames(List<String> secretNames) {
      this.secretNames = secretNames;
    }

    public int getPostDataBytes() {
      return postDataBytes;
    }

    public void setPostDataBytes(int postDataBytes) {
      this.postDataBytes = postDataBytes;
    }
  }

  /** The {@code exceptionless.logback.*} properties. */
  public static class Logback {
    /** Whether Boot's Logback root logger feeds the reporter (needs exceptionless-logback on the classpath). */
    private boolean enabled = true;

    /** The least severe level that becomes an event (an error event when the record has a throwable). */
    private String eventLevel = "ERROR";

    /** The least severe level kept as a breadcrumb (attached to the next error event as @trace). */
    private String breadcrumbLevel = "INFO";

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getEventLevel() {
      return eventLevel;
    }

    public void setEventLevel(String eventLevel) {
      this.eventLevel = eventLevel;
    }

    public String getBreadcrumbLevel() {
      return breadcrumbLevel;
    }

    public void setBreadcrumbLevel(String breadcrumbLevel) {
      this.breadcrumbLevel = breadcrumbLevel;
    }
  }
}
