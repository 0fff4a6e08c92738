package com.exceptionless.client;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Starts a WireMock server on a random loopback port per test and builds clients pointed at it; their
 * retries record the waits in {@link #sleeps} instead of sleeping, with no jitter.
 */
abstract class WireMockSupport {
  static final String API_KEY = "LhhP1C9gijpSKCslHHCvwdSIz298twx271nTest0";
  static final String USER_TOKEN = "yxo1ewOMXJ8bnhQT1JUTb3vBRvNLfeGkHRhQ7a4p";
  static final String PROJECT_ID = "537650f3b77efe23a47914f4";
  static final String ORGANIZATION_ID = "537650f3b77efe23a47914f3";

  WireMockServer server;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** A builder for the WireMock server whose retries record their waits instead of sleeping. */
  ExceptionlessClientBuilder builder() {
    return ExceptionlessClient.builder().serverUrl(baseUrl()).sleeper(sleeps::add).retryJitter(() -> 0);
  }

  ExceptionlessClient apiKeyClient() {
    return builder().apiKey(API_KEY).build();
  }

  ExceptionlessClient userClient() {
    return builder().userToken(USER_TOKEN).build();
  }

  static String projectJson(String id, String name) {
    return "{\"id\":\"" + id + "\",\"created_utc\":\"2026-11-28T12:00:00.1234567Z\",\"organization_id\":\"" + ORGANIZATION_ID
        + "\",\"organization_name\":\"Acme\",\"name\":\"" + name + "\",\"delete_bot_data_enabled\":false,"
        + "\"promoted_tabs\":[],\"stack_count\":0,\"event_count\":0,\"has_premium_features\":false,"
        + "\"has_slack_integration\":false,\"usage_hours\":[],\"usage\":[]}";
  }

  static String tokenJson(String id, String scopes, boolean disabled) {
    return "{\"id\":\"" + id + "\",\"organization_id\":\"" + ORGANIZATION_ID + "\",\"project_id\":\"" + PROJECT_ID
        + "\",\"scopes\":[" + scopes + "],\"is_disabled\":" + disabled + ",\"is_suspended\":false,"
        + "\"created_utc\":\"2026-11-28T12:00:00.1234567Z\",\"updated_utc\":\"2026-11-28T12:00:00.1234567Z\"}";
  }
}
