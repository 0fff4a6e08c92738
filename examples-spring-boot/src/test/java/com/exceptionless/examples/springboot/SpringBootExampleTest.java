package com.exceptionless.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the example as a fresh checkout would: no configuration, so against the stand-in server. */
class SpringBootExampleTest {
  @Test
  void theExampleReportsTheThrowingRequestWithItsRequestAndThe404AndPrintsThem() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = SpringBootExample.run(Map.<String, String>of()::get, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(printed)
        .contains("GET /orders/42?page=2 answered 500")
        .contains("GET /no-such-page answered 404")
        .contains("The server received error: Order 42 could not be loaded tags=[example, spring-boot]")
        .contains("@request: GET /orders/42 query={page=2} headers=")
        .contains("@error: java.lang.IllegalStateException: Order 42 could not be loaded")
        .contains("@trace: [")
        .contains("INFO com.exceptionless.examples.springboot.ShopApplication$Orders: Loading order 42")
        .contains("The server received 404 from /no-such-page tags=[example, spring-boot]")
        .doesNotContainIgnoringCase("authorization");
  }
}
