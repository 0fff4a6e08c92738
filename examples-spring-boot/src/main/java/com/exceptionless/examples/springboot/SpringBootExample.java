package com.exceptionless.examples.springboot;

import com.exceptionless.testkit.ExceptionlessTestServer;
import com.exceptionless.testkit.ReceivedEvent;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts {@link ShopApplication} on a free port, sends it one request that throws and one for a page that does not
 * exist, closes it (which sends what the reporter holds) and prints what the server received. With no
 * {@code EXCEPTIONLESS_SERVER_URL} it reports to the in-process stand-in server; with {@code EXCEPTIONLESS_SERVER_URL}
 * and {@code EXCEPTIONLESS_API_KEY} set, Boot binds them to the starter's properties and it reports to that server.
 */
public final class SpringBootExample {
  private SpringBootExample() {
  }

  public static void main(String[] args) {
    int code = run(System::getenv, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  static int run(Function<String, String> env, PrintStream out, PrintStream err) {
    String url = env.apply("EXCEPTIONLESS_SERVER_URL");
    ExceptionlessTestServer standIn = null;
    SpringApplicationBuilder application = new SpringApplicationBuilder(ShopApplication.class).properties("server.port=0");
    if (url == null || url.isBlank()) {
      standIn = ExceptionlessTestServer.start();
      out.println("No EXCEPTIONLESS_SERVER_URL: using the in-process stand-in server at " + standIn.baseUrl());
      application.properties("exceptionless.server-url=" + standIn.baseUrl(),
          "exceptionless.api-key=" + standIn.accounts().clientApiKey());
    } else if (env.apply("EXCEPTIONLESS_API_KEY") == null) {
      err.println("Failed: with EXCEPTIONLESS_SERVER_URL set, also set EXCEPTIONLESS_API_KEY (a client-scoped API key)");
      return 1;
    } else {
      out.println("Using the server at " + url);
    }
    try (ConfigurableApplicationContext context = application.run()) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (String path : List.of("/orders/42?page=2", "/no-such-page")) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer never-sent").GET().build(), HttpResponse.BodyHandlers.ofString());
        out.println("GET " + path + " answered " + response.statusCode());
      }
    } catch (Exception e) {
      err.println("Failed: " + e);
      return 1;
    }
    // Closing the context closed the reporter, which sent what it held.
    if (standIn != null) {
      try {
        for (ReceivedEvent event : standIn.awaitEvents(2, Duration.ofSeconds(5))) {
          out.println("The server received " + describe(event.json()));
        }
      } finally {
        standIn.close();
      }
    }
    return 0;
  }

  @SuppressWarnings("unchecked")
  static String describe(Map<String, Object> json) {
    Map<String, Object> data = json.get("data") instanceof Map ? (Map<String, Object>) json.get("data") : Map.of();
    StringBuilder text = new StringBuilder().append(json.get("type"));
    if (json.get("source") != null) {
      text.append(" from ").append(json.get("source"));
    }
    if (json.get("message") != null) {
      text.append(": ").append(json.get("message"));
    }
    text.append(" tags=").append(json.get("tags"));
    if (data.get("@request") instanceof Map) {
      Map<String, Object> request = (Map<String, Object>) data.get("@request");
      text.append("\n    @request: ").append(request.get("http_method")).append(' ').append(request.get("path"))
          .append(" query=").append(request.get("query_string"))
          .append(" headers=").append(request.get("headers") instanceof Map ? ((Map<String, Object>) request.get("headers")).keySet() : "[]");
    }
    if (data.get("@error") instanceof Map) {
      Map<String, Object> error = (Map<String, Object>) data.get("@error");
      text.append("\n    @error: ").append(error.get("type")).append(": ").append(error.get("message"));
    }
    if (data.get("@trace") != null) {
      text.append("\n    @trace: ").append(data.get("@trace"));
    }
    return text.toString();
  }
}
