package com.exceptionless.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Adapts the JDK HTTP server to the pipeline: builds the request, records it, writes the response; thread-safe. */
final class HttpExchangeHandler implements HttpHandler {
  private final RequestPipeline pipeline;
  private final Recorder recorder;
  private final Clock clock;
  private final String baseUrl;

  HttpExchangeHandler(RequestPipeline pipeline, Recorder recorder, Clock clock, String baseUrl) {
    this.pipeline = pipeline;
    this.recorder = recorder;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      ApiRequest request = toRequest(exchange);
      ApiResponse response;
      try {
        response = pipeline.process(request);
      } catch (RuntimeException e) {
        response = Problems.status(request, 500);
      }
      request.drain();
      recorder.recordRequest(new RecordedRequest(request.method, request.path, request.query.redacted(),
          request.headers, response.status, clock.instant()));
      write(exchange, response);
    } finally {
      exchange.close();
    }
  }

  private ApiRequest toRequest(HttpExchange exchange) {
    Map<String, List<String>> headers = new LinkedHashMap<String, List<String>>();
    for (Map.Entry<String, List<String>> entry : exchange.getRequestHeaders().entrySet()) {
      String name = entry.getKey().toLowerCase(Locale.ROOT);
      List<String> values = headers.get(name);
      if (values == null) {
        values = new ArrayList<String>();
        headers.put(name, values);
      }
      values.addAll(entry.getValue());
    }
    String path = exchange.getRequestURI().getRawPath();
    return new ApiRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), path == null ? "/" : path,
        exchange.getRequestURI().getRawQuery(), headers, exchange.getRequestBody(),
        exchange.getRemoteAddress().getAddress().getHostAddress(), baseUrl);
  }

  private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
    for (Map.Entry<String, List<String>> header : response.headers.entrySet()) {
      for (String value : header.getValue()) {
        exchange.getResponseHeaders().add(header.getKey(), value);
      }
    }
    boolean noBody = response.body.length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    exchange.sendResponseHeaders(response.status, noBody ? -1 : response.body.length);
    if (!noBody) {
      OutputStream out = exchange.getResponseBody();
      out.write(response.body);
      out.flush();
    }
  }
}
