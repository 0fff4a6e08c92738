package com.exceptionless.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/** Exceptions with a cause chain, thrown from a few frames deep, as an application would have. */
public final class SampleErrors {
  private SampleErrors() {
  }

  /** An {@code IllegalStateException} caused by an {@code IOException} caused by an {@code SQLException}. */
  public static RuntimeException twoLevelChain() {
    try {
      shipOrder(42);
      throw new AssertionError("unreachable");
    } catch (RuntimeException e) {
      return e;
    }
  }

  /** Like {@link #twoLevelChain()} with an {@code UncheckedIOException} between the first two. */
  public static RuntimeException threeLevelChain() {
    try {
      placeOrder(42);
      throw new AssertionError("unreachable");
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static void placeOrder(int orderId) {
    try {
      saveOrder(orderId);
    } catch (UncheckedIOException e) {
      throw new IllegalStateException("Order " + orderId + " could not be placed", e);
    }
  }

  private static void shipOrder(int orderId) {
    try {
      loadOrder(orderId);
    } catch (IOException e) {
      throw new IllegalStateException("Order " + orderId + " could not be shipped", e);
    }
  }

  private static void loadOrder(int orderId) throws IOException {
    try {
      writeRow(orderId);
    } catch (SQLException e) {
      throw new IOException("Loading order " + orderId + " failed", e);
    }
  }

  private static void saveOrder(int orderId) {
    try {
      writeRow(orderId);
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("Saving order " + orderId + " failed", e));
    }
  }

  private static void writeRow(int orderId) throws SQLException {
    throw new SQLException("Deadlock found when trying to get lock", "40001", 1213);
  }
}
