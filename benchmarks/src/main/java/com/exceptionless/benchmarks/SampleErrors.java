package com.exceptionless.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/** Exceptions with a three-level cause chain, thrown from a few frames deep, as an application would have. */
public final class SampleErrors {
  private SampleErrors() {
  }

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
