package com.exceptionless.client.reporting;

/**
 * A step every event goes through before it is written and sent: to enrich it (add data or tags), edit it
 * (scrub a value) or cancel it. Plugins run in order of priority (lowest first; equal priorities in the order
 * they were added) on the reporter's writer thread, never on the thread that submitted the event, so a plugin
 * may be slow without slowing the application; what must be captured on the submitting thread (its scope,
 * the breadcrumbs) is captured at {@code submit} and handed to the plugin in its {@link EventPluginContext}. The
 * SDK's own enrichments are plugins of the same chain ({@link ReporterBuilder#plugin}). A plugin that throws is
 * logged (at most once a minute) and skipped for that event; the event goes on. Implementations need not be
 * thread-safe: one thread runs them at a time.
 */
@FunctionalInterface
public interface EventPlugin {
  /**
   * Runs for one event.
   *
   * @param context the event being prepared, its throwable and what was captured at submit
   * @throws Exception anything: it is logged and the plugin skipped for this event
   */
  void run(EventPluginContext context) throws Exception;
}
