package com.exceptionless.testkit;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the summary objects of {@code mode=summary} and the {@code stack_*} modes, as in the server's samples:
 * {@code event-error-summary}, {@code event-log-summary}, {@code event-summary}, {@code stack-error-summary},
 * {@code stack-log-summary} and {@code stack-summary}, with PascalCase {@code data} keys; stateless.
 */
final class Summaries {
  private Summaries() {
  }

  static Map<String, Object> event(StoredEvent event) {
    Map<String, Object> data = new LinkedHashMap<String, Object>();
    data.put("Message", event.message());
    Object user = event.event.data.get("@user");
    if (user instanceof Map) {
      data.put("Identity", ((Map<?, ?>) user).get("identity"));
      data.put("Name", ((Map<?, ?>) user).get("name"));
    }
    String template;
    StackSignature signature = StackSignature.of(event.projectId, event.event);
    if ("error".equals(event.type()) && !signature.errorSummary.isEmpty()) {
      template = "event-error-summary";
      data.putAll(signature.errorSummary);
      Object request = event.event.data.get("@request");
      if (request instanceof Map) {
        data.put("Path", ((Map<?, ?>) request).get("path"));
      }
    } else if ("log".equals(event.type())) {
      template = "event-log-summary";
      data.put("Source", event.event.source);
      data.put("Level", event.event.data.get("@level"));
    } else {
      template = "event-summary";
      data.put("Source", event.event.source);
      data.put("Type", event.type());
    }
    Map<String, Object> summary = new LinkedHashMap<String, Object>();
    summary.put("id", event.id);
    summary.put("template_key", template);
    summary.put("date", StoredEvent.DATE_FORMAT.format(event.date()));
    summary.put("data", data);
    return summary;
  }

  /**
   * A stack summary over the events of the searched range: occurrences, distinct users ({@code @user.identity})
   * and first/last occurrence among them; totalUsers is the distinct users of the whole result.
   */
  static Map<String, Object> stack(StackRecord stack, Collection<StoredEvent> events, int totalUsers) {
    OffsetDateTime first = null;
    OffsetDateTime last = null;
    java.util.Set<String> users = new java.util.HashSet<String>();
    for (StoredEvent event : events) {
      first = first == null || event.date().isBefore(first) ? event.date() : first;
      last = last == null || event.date().isAfter(last) ? event.date() : last;
      if (event.userIdentity() != null) {
        users.add(event.userIdentity());
      }
    }
    Map<String, Object> summary = new LinkedHashMap<String, Object>();
    summary.put("title", stack.title);
    summary.put("status", stack.status);
    summary.put("first_occurrence", first == null ? null : UtcTimestamps.format(first.toInstant()));
    summary.put("last_occurrence", last == null ? null : UtcTimestamps.format(last.toInstant()));
    summary.put("total", events.size());
    summary.put("users", (double) users.size());
    summary.put("total_users", (double) totalUsers);
    summary.put("id", stack.id);
    if (stack.isErrorStack()) {
      summary.put("template_key", "stack-error-summary");
      summary.put("data", stack.signature.errorSummary);
    } else if ("log".equals(stack.type)) {
      summary.put("template_key", "stack-log-summary");
    } else {
      summary.put("template_key", "stack-summary");
      Map<String, Object> data = new LinkedHashMap<String, Object>();
      data.put("Type", stack.type);
      summary.put("data", data);
    }
    return summary;
  }
}
