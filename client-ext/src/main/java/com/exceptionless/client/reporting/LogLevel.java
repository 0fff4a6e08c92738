package com.exceptionless.client.reporting;

import java.util.Locale;

/** The log levels Exceptionless knows, least severe first; written to {@code data["@level"]}. */
public enum LogLevel {
  TRACE("Trace"),
  DEBUG("Debug"),
  INFO("Info"),
  WARN("Warn"),
  ERROR("Error"),
  FATAL("Fatal"),
  /** In settings only: logs of that source are all excluded. */
  OFF("Off");

  private final String wireName;

  LogLevel(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the name as the server writes it, for example {@code Info}. */
  public String wireName() {
    return wireName;
  }

  /** Reads a level name in any case ({@code warning} and {@code information} too); unknown names read as TRACE. */
  static LogLevel parse(String name) {
    String lower = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    switch (lower) {
      case "debug": return DEBUG;
      case "info": case "information": return INFO;
      case "warn": case "warning": return WARN;
      case "error": return ERROR;
      case "fatal": case "critical": return FATAL;
      case "off": case "none": case "false": return OFF;
      default: return TRACE;
    }
  }
}
