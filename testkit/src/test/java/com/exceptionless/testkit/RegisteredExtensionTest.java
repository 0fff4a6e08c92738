package com.exceptionless.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegisteredExtensionTest {
  @RegisterExtension
  static final ExceptionlessTestServerExtension EXCEPTIONLESS =
      new ExceptionlessTestServerExtension(ExceptionlessTestServer.builder().rateLimitPerWindow(50));

  @Test
  void exposesTheServerThroughItsAccessorWithTheBuildersSettings() {
    ExceptionlessTestServer server = EXCEPTIONLESS.server();

    HttpResponse<String> response = new Http(server).get("/api/v2/projects",
        Http.bearer(server.accounts().userApiKey()));

    assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("50");
  }

  @Test
  void alsoInjectsParameters(ExceptionlessTestServer server) {
    assertThat(server).isSameAs(EXCEPTIONLESS.server());
  }
}
