package com.exceptionless.benchmarks;

import com.exceptionless.client.reporting.ExceptionlessReporter;
import com.exceptionless.client.reporting.LogLevel;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * What the delivery benchmarks submit. {@link #ERRORS}: the same error with a two-level cause chain every time.
 * {@link #PRODUCTION}: a mix that looks like an application's: of every 20 events, 8 errors (twenty exception
 * types from seven packages, varied messages, 0 to 3 causes, thrown 0 to 24 frames deeper than the caller), 9
 * log events with varied messages and sources, and 3 feature-usage events. Both run with a class path of 40
 * jars, as a Spring application has, so errors carry a {@code modules} list of that size.
 */
public enum Workload {
  ERRORS,
  PRODUCTION;

  /** Jar names of a typical web application's class path (the files need not exist: names give versions). */
  static final String CLASS_PATH = String.join(java.io.File.pathSeparator, jars());

  private static final String[] LOG_SOURCES = {
      "com.acme.orders.OrderService", "com.acme.orders.OrderController", "com.acme.billing.InvoiceJob",
      "com.acme.auth.LoginFilter", "com.acme.search.IndexUpdater", "org.hibernate.engine.jdbc.spi.SqlExceptionHelper",
      "org.springframework.web.servlet.DispatcherServlet", "com.zaxxer.hikari.pool.HikariPool"};
  private static final String[] FEATURES = {"export-csv", "checkout", "search", "invite-user", "dark-mode", "api-token"};

  /** Submits the {@code i}-th event of this workload. */
  public void submit(ExceptionlessReporter reporter, int i, Material material) {
    if (this == ERRORS) {
      reporter.submitException(material.errors.get(0));
      return;
    }
    int slot = i % 20;
    if (slot < 8) {
      reporter.submitException(material.errors.get(i % material.errors.size()));
    } else if (slot < 17) {
      reporter.submitLog(LOG_SOURCES[i % LOG_SOURCES.length], material.messages.get(i % material.messages.size()),
          slot % 3 == 0 ? LogLevel.WARN : LogLevel.INFO);
    } else {
      reporter.createFeatureUsage(FEATURES[i % FEATURES.length]).submit();
    }
  }

  /** Builds what the workload submits (throwables are made here, not in the measured loop). */
  public Material material() {
    return new Material(this);
  }

  /** The throwables and log messages a workload cycles through. */
  public static final class Material {
    final List<Throwable> errors = new ArrayList<>();
    final List<String> messages = new ArrayList<>();

    Material(Workload workload) {
      if (workload == ERRORS) {
        errors.add(SampleErrors.twoLevelChain());
        return;
      }
      Random random = new Random(13);
      for (int i = 0; i < 1_000; i++) {
        errors.add(Throwers.thrown(random.nextInt(25), () -> chain(random, random.nextInt(4))));
        messages.add(logMessage(random));
      }
    }

    private static Throwable chain(Random random, int causes) {
      Throwable error = null;
      for (int level = causes; level >= 0; level--) {
        Throwable cause = error;
        int type = random.nextInt(TYPES.size());
        error = TYPES.get(type).apply(message(random, type));
        if (cause != null) {
          error.initCause(cause);
        }
      }
      return error;
    }
  }

  private static final List<Function<String, Throwable>> TYPES = List.of(
      IllegalStateException::new, IllegalArgumentException::new, NullPointerException::new,
      ArithmeticException::new, IndexOutOfBoundsException::new, ClassCastException::new,
      UnsupportedOperationException::new, NumberFormatException::new, IOException::new,
      FileNotFoundException::new, message -> new UncheckedIOException(message, null), SocketTimeoutException::new,
      ConnectException::new, UnknownHostException::new, message -> new SQLException(message, "40001", 1213),
      SQLTimeoutException::new, NoSuchElementException::new, ConcurrentModificationException::new,
      message -> new DateTimeParseException(message, "2026-13-45", 5), TimeoutException::new);

  private static String message(Random random, int type) {
    switch (type % 5) {
      case 0:
        return "Order " + random.nextInt(1_000_000) + " could not be placed for customer " + random.nextInt(50_000);
      case 1:
        return "Timed out after " + (random.nextInt(30) + 1) + "000 ms waiting for db-" + random.nextInt(8) + ".internal:5432";
      case 2:
        return "/var/lib/app/uploads/" + Long.toHexString(random.nextLong()) + ".pdf (No such file or directory)";
      case 3:
        return "Index " + random.nextInt(100) + " out of bounds for length " + random.nextInt(100);
      default:
        return "Cannot invoke \"com.acme.orders.Cart.getItems()\" because \"cart\" is null (session "
            + Long.toHexString(random.nextLong()) + ")";
    }
  }

  private static String logMessage(Random random) {
    switch (random.nextInt(5)) {
      case 0:
        return "User " + random.nextInt(50_000) + " signed in from 10.0." + random.nextInt(256) + "." + random.nextInt(256);
      case 1:
        return "Invoice " + random.nextInt(1_000_000) + " sent to billing-" + random.nextInt(100) + "@example.com in "
            + random.nextInt(900) + " ms";
      case 2:
        return "Slow query (" + (random.nextInt(4000) + 500) + " ms): select * from orders where customer_id = ?";
      case 3:
        return "Cache miss rate " + random.nextInt(100) + "% over the last " + random.nextInt(60) + " s";
      default:
        return "Retrying payment " + Long.toHexString(random.nextLong()) + " (attempt " + (random.nextInt(5) + 1) + " of 5)";
    }
  }

  private static List<String> jars() {
    String[] names = {"spring-core-6.1.3", "spring-beans-6.1.3", "spring-context-6.1.3", "spring-aop-6.1.3",
        "spring-expression-6.1.3", "spring-web-6.1.3", "spring-webmvc-6.1.3", "spring-jdbc-6.1.3",
        "spring-tx-6.1.3", "spring-boot-3.2.2", "spring-boot-autoconfigure-3.2.2", "jackson-databind-2.16.1",
        "jackson-core-2.16.1", "jackson-annotations-2.16.1", "jackson-datatype-jsr310-2.16.1",
        "tomcat-embed-core-10.1.18", "tomcat-embed-websocket-10.1.18", "tomcat-embed-el-10.1.18",
        "hibernate-core-6.4.1.Final", "jakarta.persistence-api-3.1.0", "HikariCP-5.0.1", "postgresql-42.7.1",
        "logback-classic-1.4.14", "logback-core-1.4.14", "slf4j-api-2.0.11", "micrometer-core-1.12.2",
        "micrometer-observation-1.12.2", "snakeyaml-2.2", "byte-buddy-1.14.11", "antlr4-runtime-4.13.0",
        "jakarta.annotation-api-2.1.1", "jakarta.transaction-api-2.0.1", "classmate-1.6.0", "jboss-logging-3.5.3.Final",
        "okhttp-4.12.0", "okio-jvm-3.7.0", "moshi-1.15.2", "kotlin-stdlib-1.9.22", "exceptionless-client-1.0.0",
        "exceptionless-client-generated-1.0.0"};
    List<String> paths = new ArrayList<>();
    for (String name : names) {
      paths.add("/app/lib/" + name + ".jar");
    }
    return paths;
  }

  /** Throws from a few frames deeper, through a few different methods, so that traces vary. */
  private static final class Throwers {
    static Throwable thrown(int depth, java.util.function.Supplier<Throwable> make) {
      try {
        descend(depth, make);
        throw new AssertionError("unreachable");
      } catch (Throwable e) {
        return e;
      }
    }

    private static void descend(int depth, java.util.function.Supplier<Throwable> make) throws Throwable {
      if (depth == 0) {
        throw make.get();
      }
      switch (depth % 3) {
        case 0:
          handleRequest(depth, make);
          break;
        case 1:
          invokeService(depth, make);
          break;
        default:
          loadEntity(depth, make);
      }
    }

    private static void handleRequest(int depth, java.util.function.Supplier<Throwable> make) throws Throwable {
      descend(depth - 1, make);
    }

    private static void invokeService(int depth, java.util.function.Supplier<Throwable> make) throws Throwable {
      descend(depth - 1, make);
    }

    private static void loadEntity(int depth, java.util.function.Supplier<Throwable> make) throws Throwable {
      descend(depth - 1, make);
    }
  }
}
