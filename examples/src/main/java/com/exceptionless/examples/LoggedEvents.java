package com.exceptionless.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints what a logging integration put in an event, for the Logback and Log4j2 examples. */
final class LoggedEvents {
  private LoggedEvents() {
  }

  /** Type, source, message and tags, then the level, the data the integration added, the error chain and the trace. */
  @SuppressWarnings("unchecked")
  static String describe(Map<String, Object> json) {
    StringBuilder text = new StringBuilder().append(json.get("type")).append(" from ").append(json.get("source"))
        .append(": ").append(json.get("message")).append(" tags=").append(json.get("tags"));
    Map<String, Object> data = json.get("data") instanceof Map ? (Map<String, Object>) json.get("data") : Map.of();
    List<String> custom = new ArrayList<>();
    for (Map.Entry<String, Object> entry : data.entrySet()) {
      if (!entry.getKey().startsWith("@")) {
        custom.add(entry.getKey() + "=" + entry.getValue());
      }
    }
    text.append("\n    data: ").append(custom);
    if (data.get("@level") != null) {
      text.append("\n    @level: ").append(data.get("@level"));
    }
    Object error = data.get("@error");
    while (error instanceof Map) {
      Map<String, Object> current = (Map<String, Object>) error;
      text.append("\n    @error: ").append(current.get("type")).append(": ").append(current.get("message"));
      error = current.get("inner");
    }
    if (data.get("@trace") != null) {
      text.append("\n    @trace: ").append(data.get("@trace"));
    }
    return text.toString();
  }
}
