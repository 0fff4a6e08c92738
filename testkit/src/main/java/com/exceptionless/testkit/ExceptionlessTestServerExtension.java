package com.exceptionless.testkit;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts one {@link ExceptionlessTestServer} per test class (nested classes share it),
 * injects it (and its {@link TestAccounts}) into test parameters and stops it after the class; usable as
 * {@code @ExtendWith(ExceptionlessTestServerExtension.class)} or as a {@code @RegisterExtension} static field
 * with {@link #server()}; thread-safe.
 */
public final class ExceptionlessTestServerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ExceptionlessTestServerExtension.class);
  private static final String KEY = "server";

  private final ExceptionlessTestServer.Builder builder;
  private volatile ExceptionlessTestServer server;

  /** Creates an extension that starts a seeded server with default settings. */
  public ExceptionlessTestServerExtension() {
    this(ExceptionlessTestServer.builder());
  }

  /** Creates an extension that starts its server from this builder (e.g. with a low rate limit). */
  public ExceptionlessTestServerExtension(ExceptionlessTestServer.Builder builder) {
    Objects.requireNonNull(builder, "builder == null");
    this.builder = builder;
  }

  /** Returns the running server; throws IllegalStateException outside the test class's lifetime. */
  public ExceptionlessTestServer server() {
    ExceptionlessTestServer current = server;
    if (current == null) {
      throw new IllegalStateException("The Exceptionless test server is not running (use it from tests, "
          + "and register the extension on a static field)");
    }
    return current;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ExceptionlessTestServer existing = context.getStore(NAMESPACE).get(KEY, ExceptionlessTestServer.class);
    if (existing != null) {
      server = existing;
      return;
    }
    ExceptionlessTestServer started = builder.start();
    context.getStore(NAMESPACE).put(KEY, started);
    server = started;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ExceptionlessTestServer owned = context.getStore(NAMESPACE).remove(KEY, ExceptionlessTestServer.class);
    if (owned != null) {
      owned.close();
      if (server == owned) {
        server = null;
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    return type == ExceptionlessTestServer.class || type == TestAccounts.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    ExceptionlessTestServer current = extensionContext.getStore(NAMESPACE).get(KEY, ExceptionlessTestServer.class);
    if (current == null) {
      current = server;
    }
    if (current == null) {
      throw new ParameterResolutionException("The Exceptionless test server is not running");
    }
    return parameterContext.getParameter().getType() == TestAccounts.class ? current.accounts() : current;
  }
}
