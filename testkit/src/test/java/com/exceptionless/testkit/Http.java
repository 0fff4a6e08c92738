package com.exceptionless.testkit;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A small HTTP helper for tests: sends requests to the test server and parses JSON answers. */
final class Http {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final String baseUrl;

  Http(ExceptionlessTestServer server) {
    this.baseUrl = server.baseUrl();
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path, String authorization) {
    return send("GET", path, HttpRequest.BodyPublishers.noBody(), authorization);
  }

  HttpResponse<String> postJson(String path, String authorization, String json) {
    return send("POST", path, HttpRequest.BodyPublishers.ofString(json), authorization,
        "Content-Type", "application/json");
  }

  HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String authorization,
      String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method, body);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(HttpResponse<String> response) {
    return (Map<String, Object>) parse(response.body());
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> array(HttpResponse<String> response) {
    return (List<Map<String, Object>>) parse(response.body());
  }

  static Object parse(String json) {
    try {
      return new Moshi.Builder().build().adapter(Object.class).fromJson(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Logs the user in and returns the login token. */
  String login(String email, String password) {
    HttpResponse<String> response = postJson("/api/v2/auth/login", null,
        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    if (response.statusCode() != 200) {
      throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.body());
    }
    return (String) object(response).get("token");
  }
}
