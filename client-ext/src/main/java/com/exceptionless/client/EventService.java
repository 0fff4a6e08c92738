package com.exceptionless.client;

import com.exceptionless.client.generated.api.EventApi;
import com.exceptionless.client.model.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import retrofit2.Response;

/**
 * Event submission ({@code POST api/v2/events}), synchronous: each call sends one request. Needs a
 * client-scoped API key. Events the server would drop silently after accepting them (bad reference id,
 * blank or long tags, long type) are rejected before anything is sent. Immutable and thread-safe.
 */
public final class EventService {
  /** The most events the SDK sends in one request. */
  public static final int MAX_EVENTS_PER_REQUEST = 1000;

  private static final Pattern REFERENCE_ID = Pattern.compile("[a-zA-Z\\d-]{8,100}");

  private final EventApi api;
  private final CallExecutor executor;
  private final CredentialCheck credentials;

  EventService(EventApi api, CallExecutor executor, CredentialCheck credentials) {
    this.api = api;
    this.executor = executor;
    this.credentials = credentials;
  }

  /**
   * Submits one event for the API key's project.
   *
   * @param event the event
   * @return what the server answered besides 202
   */
  public SubmitResult submit(Event event) {
    return submit(Collections.singletonList(event));
  }

  /**
   * Submits events for the API key's project, as one JSON array.
   *
   * @param events 1 to {@value #MAX_EVENTS_PER_REQUEST} events
   * @return what the server answered besides 202
   */
  public SubmitResult submit(List<Event> events) {
    List<Event> checked = check(events);
    credentials.requireAny("Submitting events");
    return SubmitResult.from(executor.execute(api.submitEvents(checked)));
  }

  /**
   * Submits events for an explicit project (a token bound to another project gets 404).
   *
   * @param projectId the project id
   * @param events 1 to {@value #MAX_EVENTS_PER_REQUEST} events
   * @return what the server answered besides 202
   */
  public SubmitResult submit(String projectId, List<Event> events) {
    Ids.objectId(projectId, "projectId");
    List<Event> checked = check(events);
    credentials.requireAny("Submitting events");
    Response<Void> response = executor.execute(api.submitProjectEvents(projectId, checked));
    return SubmitResult.from(response);
  }

  private static List<Event> check(List<Event> events) {
    if (events == null) {
      throw new NullPointerException("events == null");
    }
    if (events.isEmpty()) {
      throw new IllegalArgumentException("events is empty: pass at least one event");
    }
    if (events.size() > MAX_EVENTS_PER_REQUEST) {
      throw new IllegalArgumentException(events.size() + " events in one request: send at most " + MAX_EVENTS_PER_REQUEST);
    }
    List<Event> copy = new ArrayList<>(events);
    for (int i = 0; i < copy.size(); i++) {
      Event event = copy.get(i);
      if (event == null) {
        throw new NullPointerException("events[" + i + "] == null");
      }
      checkEvent(event, "events[" + i + "]");
    }
    return copy;
  }

  private static void checkEvent(Event event, String name) {
    if (event.getReferenceId() != null && !REFERENCE_ID.matcher(event.getReferenceId()).matches()) {
      throw new IllegalArgumentException(name + ".reference_id \"" + event.getReferenceId()
          + "\" must be 8 to 100 letters, digits or dashes (the server drops the event otherwise)");
    }
    if (event.getType() != null && (event.getType().isEmpty() || event.getType().length() > 100)) {
      throw new IllegalArgumentException(name + ".type must be 1 to 100 characters (the server drops the event otherwise)");
    }
    if (event.getTags() != null) {
      for (String tag : event.getTags()) {
        if (tag == null || tag.trim().isEmpty() || tag.length() > 255) {
          throw new IllegalArgumentException(name + ".tags has a tag that is blank or longer than 255 characters"
              + " (the server drops the event otherwise)");
        }
      }
    }
  }
}
