package com.exceptionless.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client pointed at http:// on another machine says once that credentials would travel in clear text. */
class CleartextWarningTest {
  private final Logger logger = Logger.getLogger("com.exceptionless.client");
  private final List<LogRecord> records = new ArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  @BeforeEach
  void capture() {
    logger.addHandler(handler);
  }

  @AfterEach
  void release() {
    logger.removeHandler(handler);
  }

  @Test
  void anHttpUrlOnARemoteHostLogsOneWarningAndDerivedClientsDoNotRepeatIt() {
    ExceptionlessClient client = ExceptionlessClient.builder().serverUrl("http://exceptionless.example.com:8080")
        .apiKey("DisintegratingPistolClientKey00000000001").build();
    client.withUserToken("a-user-token-of-forty-characters-0000000");
    client.newBuilder().build();

    assertThat(records).singleElement().satisfies(record -> {
      assertThat(record.getLevel()).isEqualTo(Level.WARNING);
      assertThat(record.getMessage()).contains("http://exceptionless.example.com:8080", "clear text")
          .doesNotContain("DisintegratingPistolClientKey");
    });
  }

  @Test
  void httpsAndLoopbackUrlsDoNotWarn() {
    ExceptionlessClient.builder().serverUrl("https://exceptionless.example.com").build();
    ExceptionlessClient.builder().serverUrl("http://localhost:5200").build();
    ExceptionlessClient.builder().serverUrl("http://127.0.0.1:5200").build();
    ExceptionlessClient.builder().serverUrl("http://[::1]:5200").build();

    assertThat(records).isEmpty();
  }
}
