package com.exceptionless.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.exceptionless.client.reporting.ExceptionlessReporter;
import com.exceptionless.testkit.ExceptionlessTestServerExtension;
import com.exceptionless.testkit.ReceivedEvent;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filter in an embedded Tomcat 11 (no Spring), reporting to the stand-in server. Context {@code /app} has
 * 404 events on, {@code /plain} the defaults. In both, an outer filter stands for the application's own: it
 * records what escaped the chain (to prove the filter rethrows the same exception) and what body was still
 * unread, and an "authentication" filter inside it wraps the request with a principal, as security frameworks do.
 */
class ExceptionlessFilterTest {
  @RegisterExtension
  static final ExceptionlessTestServerExtension SERVER = new ExceptionlessTestServerExtension();

  @TempDir
  static Path baseDir;

  static final List<Throwable> ESCAPED = new CopyOnWriteArrayList<>();
  static final List<Throwable> THROWN = new CopyOnWriteArrayList<>();
  static final List<String> UNREAD_BODIES = new CopyOnWriteArrayList<>();

  static Tomcat tomcat;
  static ExceptionlessReporter reporter;
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void startTomcat() throws Exception {
    reporter = ExceptionlessReporter.builder().serverUrl(SERVER.server().baseUrl())
        .apiKey(SERVER.server().accounts().clientApiKey()).shutdownHook(false).build();
    tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    tomcat.setPort(0);
    tomcat.getConnector();
    addContext("/app", ExceptionlessFilter.builder(reporter).notFoundEvents(true).build());
    addContext("/plain", new ExceptionlessFilter(reporter));
    addContext("/bodies", ExceptionlessFilter.builder(reporter).postData(128).build());
    tomcat.start();
  }

  @AfterAll
  static void stopTomcat() throws Exception {
    tomcat.stop();
    tomcat.destroy();
    reporter.close();
  }

  @BeforeEach
  void clear() {
    SERVER.server().clearReceived();
    ESCAPED.clear();
    THROWN.clear();
    UNREAD_BODIES.clear();
  }

  @Test
  @SuppressWarnings("unchecked")
  void anExceptionEscapingTheRequestArrivesWithTheRequestAndUserAndNoSecret() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/app/orders/42;jsessionid=SECRETPATH?page=2&access_token=SECRETQUERY&sort=asc&page=3"))
        .header("Authorization", "Bearer SECRETAUTH")
        .header("Cookie", "JSESSIONID=SECRETCOOKIE; theme=dark")
        .header("X-Api-Key", "SECRETHEADER")
        .header("Accept", "application/json")
        .header("User-Agent", "FilterTest/1.0")
        .header("Referer", "http://shop.test/cart?token=SECRETREFERRER&step=2")
        .header("X-Ada-User", "ada@example.com")
        .GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(ESCAPED).hasSize(1);
    assertThat(ESCAPED.get(0)).isSameAs(THROWN.get(0));
    reporter.flush(Duration.ofSeconds(10));
    List<ReceivedEvent> events = SERVER.server().receivedEvents();
    assertThat(events).hasSize(1);
    Map<String, Object> event = events.get(0).json();
    assertThat(event).containsEntry("type", "error").containsEntry("message", "order 42 failed");
    Map<String, Object> data = (Map<String, Object>) event.get("data");
    assertThat((Map<String, Object>) data.get("@error")).containsEntry("type", "java.lang.IllegalStateException");
    assertThat((Map<String, Object>) data.get("@user")).containsEntry("identity", "ada@example.com");
    Map<String, Object> request = (Map<String, Object>) data.get("@request");
    assertThat(request).containsEntry("http_method", "GET").containsEntry("path", "/app/orders/42")
        .containsEntry("host", "localhost").containsEntry("is_secure", false)
        .containsEntry("user_agent", "FilterTest/1.0").containsEntry("client_ip_address", "127.0.0.1")
        .containsEntry("referrer", "http://shop.test/cart?step=2")
        .containsEntry("query_string", Map.of("page", "2,3", "sort", "asc"))
        .containsEntry("cookies", Map.of("JSESSIONID", "[excluded]", "theme", "[excluded]"));
    assertThat(((Number) request.get("port")).intValue()).isEqualTo(tomcat.getConnector().getLocalPort());
    Map<String, Object> headers = (Map<String, Object>) request.get("headers");
    assertThat(headers).containsEntry("Accept", List.of("application/json"))
        .containsEntry("Referer", List.of("http://shop.test/cart?step=2"));
    assertThat(headers.keySet()).map(String::toLowerCase).doesNotContain("authorization", "cookie", "x-api-key");
    assertThat(events.get(0).toString() + event).doesNotContain("SECRET");
  }

  @Test
  void theFilterNeverReadsABodyTheApplicationLeftUnreadNorSendsIt() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/app/upload"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("quantity=2&password=hunter2")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(UNREAD_BODIES).containsExactly("quantity=2&password=hunter2");
    reporter.flush(Duration.ofSeconds(10));
    List<ReceivedEvent> events = SERVER.server().receivedEvents();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).json().toString()).contains("upload refused").doesNotContain("hunter2").doesNotContain("post_data");
  }

  @Test
  @SuppressWarnings("unchecked")
  void withPostDataOnlyWhatTheApplicationReadIsSentWithoutSecretLookingFields() throws Exception {
    post("/bodies/json", "application/json", "{\"sku\":\"A-1\",\"quantity\":2,\"card\":{\"holder\":\"Ada\",\"cvcToken\":\"SECRET1\"},\"password\":\"SECRET2\"}");
    post("/bodies/form?page=1", "application/x-www-form-urlencoded", "quantity=2&apiKey=SECRET3&note=gift");
    post("/bodies/text", "text/plain; charset=UTF-8", "a note longer than the 128 bytes the filter keeps of any body it records: " + "x".repeat(100));
    post("/bodies/upload", "application/json", "{\"left\":\"unread\",\"password\":\"SECRET4\"}");
    post("/plain/json", "application/json", "{\"sku\":\"read but post data is off\"}");

    assertThat(UNREAD_BODIES).containsExactly("", "", "", "{\"left\":\"unread\",\"password\":\"SECRET4\"}", "");
    reporter.flush(Duration.ofSeconds(10));
    List<ReceivedEvent> events = SERVER.server().receivedEvents();
    assertThat(events).hasSize(5);
    assertThat(events).allSatisfy(e -> assertThat(e.json().toString()).doesNotContain("SECRET"));
    Map<String, Map<String, Object>> requests = new java.util.HashMap<>();
    for (ReceivedEvent event : events) {
      Map<String, Object> request = (Map<String, Object>) ((Map<String, Object>) event.json().get("data")).get("@request");
      requests.put((String) request.get("path"), request);
    }
    assertThat(requests.get("/bodies/json").get("post_data")).isEqualTo(
        Map.of("sku", "A-1", "quantity", 2L, "card", Map.of("holder", "Ada")));
    assertThat(requests.get("/bodies/form").get("post_data")).isEqualTo(Map.of("quantity", "2", "note", "gift"));
    assertThat(requests.get("/bodies/text").get("post_data"))
        .isEqualTo(("a note longer than the 128 bytes the filter keeps of any body it records: " + "x".repeat(100)).substring(0, 128));
    assertThat(requests.get("/bodies/upload")).doesNotContainKey("post_data");
    assertThat(requests.get("/plain/json")).doesNotContainKey("post_data");
  }

  @Test
  void theResponseIsTheApplicationsAndAnswersWithoutErrorsAreNotReported() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/app/teapot")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(418);
    assertThat(response.body()).isEqualTo("short and stout");
    assertThat(response.headers().firstValue("X-Brewed")).hasValue("yes");
    reporter.flush(Duration.ofSeconds(10));
    assertThat(SERVER.server().receivedEvents()).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void a404BecomesANotFoundEventWithThePathAsSourceOnlyWhenEnabled() throws Exception {
    HttpResponse<String> enabled = HTTP.send(HttpRequest.newBuilder(uri("/app/missing;jsessionid=SECRETPATH?page=1")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> disabled = HTTP.send(HttpRequest.newBuilder(uri("/plain/missing")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(enabled.statusCode()).isEqualTo(404);
    assertThat(disabled.statusCode()).isEqualTo(404);
    reporter.flush(Duration.ofSeconds(10));
    List<ReceivedEvent> events = SERVER.server().receivedEvents();
    assertThat(events).hasSize(1);
    Map<String, Object> event = events.get(0).json();
    assertThat(event).containsEntry("type", "404").containsEntry("source", "/app/missing");
    Map<String, Object> request = (Map<String, Object>) ((Map<String, Object>) event.get("data")).get("@request");
    assertThat(request).containsEntry("path", "/app/missing").containsEntry("query_string", Map.of("page", "1"));
    assertThat(event.toString()).doesNotContain("SECRET");
  }

  @Test
  void anExceptionAnIntegrationAlreadyReportedIsRethrownButNotReportedAgain() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/plain/already")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(ESCAPED).hasSize(1);
    assertThat(ESCAPED.get(0)).isInstanceOf(ServletException.class).hasCause(THROWN.get(0));
    reporter.flush(Duration.ofSeconds(10));
    assertThat(SERVER.server().receivedEvents()).isEmpty();
  }

  private static void post(String path, String contentType, String body) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(500);
  }

  private static URI uri(String path) {
    return URI.create("http://localhost:" + tomcat.getConnector().getLocalPort() + path);
  }

  private static void addContext(String path, ExceptionlessFilter filter) {
    Context context = tomcat.addContext(path, null);
    addFilter(context, "outer", (request, response, chain) -> {
      try {
        chain.doFilter(request, response);
      } catch (IOException | ServletException | RuntimeException e) {
        ESCAPED.add(e);
        UNREAD_BODIES.add(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        throw e;
      }
    });
    addFilter(context, "authentication", (request, response, chain) -> {
      HttpServletRequest http = (HttpServletRequest) request;
      String user = http.getHeader("X-Ada-User");
      chain.doFilter(user == null ? request : new HttpServletRequestWrapper(http) {
        @Override
        public Principal getUserPrincipal() {
          return () -> user;
        }
      }, response);
    });
    addFilter(context, "exceptionless", filter);
    Tomcat.addServlet(context, "application", new ApplicationServlet());
    context.addServletMappingDecoded("/", "application");
  }

  private static void addFilter(Context context, String name, Filter filter) {
    FilterDef definition = new FilterDef();
    definition.setFilterName(name);
    definition.setFilter(filter);
    context.addFilterDef(definition);
    FilterMap mapping = new FilterMap();
    mapping.setFilterName(name);
    mapping.addURLPattern("/*");
    context.addFilterMap(mapping);
  }

  /** The application: what it does depends on the path. */
  static final class ApplicationServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
      String path = request.getPathInfo() == null ? request.getServletPath() : request.getPathInfo();
      if (path.startsWith("/orders/")) {
        throw thrown(new IllegalStateException("order 42 failed"));
      } else if (path.equals("/json")) {
        request.getInputStream().readAllBytes();
        throw thrown(new IllegalStateException("json refused in " + request.getContextPath()));
      } else if (path.equals("/form")) {
        request.getParameter("quantity");
        throw thrown(new IllegalStateException("form refused in " + request.getContextPath()));
      } else if (path.equals("/text")) {
        while (request.getReader().read() >= 0) {
          // the application reads its text body character by character
        }
        throw thrown(new IllegalStateException("text refused in " + request.getContextPath()));
      } else if (path.equals("/upload")) {
        throw thrown(new IllegalArgumentException("upload refused in " + request.getContextPath()));
      } else if (path.equals("/teapot")) {
        response.setStatus(418);
        response.setHeader("X-Brewed", "yes");
        response.getWriter().write("short and stout");
      } else if (path.equals("/already")) {
        RuntimeException reported = thrown(new UnsupportedOperationException("reported elsewhere"));
        request.setAttribute(ExceptionlessFilter.REPORTED_ATTRIBUTE, reported);
        throw new ServletException("Request processing failed", reported);
      } else {
        response.sendError(404);
      }
    }

    private static RuntimeException thrown(RuntimeException e) {
      THROWN.add(e);
      return e;
    }
  }
}
