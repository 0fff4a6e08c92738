package com.exceptionless.client;

/** How the event list groups its events into stack summaries (the server's {@code stack_*} modes). */
public enum StackSummaryMode {
  /** Stacks with the most recent events first ({@code stack_recent}). */
  RECENT("stack_recent"),
  /** Stacks with the most events first ({@code stack_frequent}). */
  FREQUENT("stack_frequent"),
  /** Stacks first seen most recently first ({@code stack_new}). */
  NEW("stack_new"),
  /** Stacks affecting the most users first ({@code stack_users}). */
  USERS("stack_users");

  private final String mode;

  StackSummaryMode(String mode) {
    this.mode = mode;
  }

  /** Returns the value of the {@code mode} query parameter. */
  public String mode() {
    return mode;
  }
}
