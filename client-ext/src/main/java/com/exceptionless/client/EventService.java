package com.exceptionless.client;

import com.exceptionless.client.internal.Checks;
import com.exceptionless.client.generated.api.EventApi;
import com.exceptionless.client.model.CountResult;
import com.exceptionless.client.model.Event;
import com.exceptionless.client.model.EventSummary;
import com.exceptionless.client.model.PersistentEvent;
import com.exceptionless.client.model.StackSummary;
import com.exceptionless.client.model.UserDescription;
import com.exceptionless.client.paging.AutoPager;
import com.exceptionless.client.paging.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Events: submission ({@code POST api/v2/events}, as JSON or as plain-text log lines), user descriptions
 * and session heartbeats, which a client-scoped API key may send; and reading, counting and deleting,
 * which need the user role. Every call is synchronous and sends one request (plus retries). Before anything
 * is sent, events are refused that the server would accept with 202 and then drop silently (dated more than
 * 3 days ago, a type over 100 characters, which fails the whole post) or quietly change (a reference id it
 * would replace with {@code invalid-reference-id}, a blank tag it would remove). Reference ids must not be reused
 * within 24 hours: the server drops, without a word, an event whose reference id the project already used in
 * that time (the SDK cannot see that). The server processes submissions asynchronously: an accepted event
 * can be read a few seconds later, so poll for it. Immutable and thread-safe.
 */
public final class EventService {
  /** The most events the SDK sends in one request. */
  public static final int MAX_EVENTS_PER_REQUEST = 1000;

  /** How far back the server accepts an event's date; older events are dropped after the 202. */
  static final Duration MAXIMUM_EVENT_AGE = Duration.ofDays(3);

  /** Page size used when walking every event. */
  static final int AUTO_PAGING_LIMIT = EventQuery.MAX_LIMIT;

  private static final MediaType PLAIN_TEXT = MediaType.get("text/plain; charset=utf-8");

  private final EventApi api;
  private final CallExecutor executor;
  private final CredentialCheck credentials;
  private final SummaryReader summaries;
  private final Clock clock;

  EventService(EventApi api, CallExecutor executor, CredentialCheck credentials, SummaryReader summaries, Clock clock) {
    this.api = api;
    this.clock = clock;
    this.executor = executor;
    this.credentials = credentials;
    this.summaries = summaries;
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

  /**
   * Submits log lines as {@code text/plain}: the server makes each line a {@code log} event whose message
   * is the line, for the API key's project.
   *
   * @param lines 1 to {@value #MAX_EVENTS_PER_REQUEST} non-blank lines without line breaks
   * @return what the server answered besides 202
   */
  public SubmitResult submitLogLines(List<String> lines) {
    RequestBody body = plainText(lines);
    credentials.requireAny("Submitting events");
    return SubmitResult.from(executor.execute(api.submitEvents(body)));
  }

  /**
   * Submits log lines as {@code text/plain} for an explicit project.
   *
   * @param projectId the project id
   * @param lines 1 to {@value #MAX_EVENTS_PER_REQUEST} non-blank lines without line breaks
   * @return what the server answered besides 202
   */
  public SubmitResult submitLogLines(String projectId, List<String> lines) {
    Ids.objectId(projectId, "projectId");
    RequestBody body = plainText(lines);
    credentials.requireAny("Submitting events");
    return SubmitResult.from(executor.execute(api.submitProjectEvents(projectId, body)));
  }

  /**
   * Adds what the user said happened to the event with a reference id, in the API key's project. The
   * server accepts it (202) even before the event is processed.
   *
   * @param referenceId the event's reference id, 8 to 100 letters, digits or dashes
   * @param description the user's email address and description
   */
  public void submitUserDescription(String referenceId, UserDescription description) {
    Ids.identifier(referenceId, "referenceId");
    checkDescription(description);
    credentials.requireAny("Submitting a user description");
    executor.execute(api.submitUserDescription(referenceId, description, null));
  }

  /**
   * Adds what the user said happened to the event with a reference id in a given project.
   *
   * @param projectId the project id
   * @param referenceId the event's reference id, 8 to 100 letters, digits or dashes
   * @param description the user's email address and description
   */
  public void submitUserDescription(String projectId, String referenceId, UserDescription description) {
    Ids.objectId(projectId, "projectId");
    Ids.identifier(referenceId, "referenceId");
    checkDescription(description);
    credentials.requireAny("Submitting a user description");
    executor.execute(api.submitProjectUserDescription(projectId, referenceId, description));
  }

  /**
   * Tells the server a session is still alive, or, with {@code close}, that it ended.
   *
   * @param sessionId the session id, 8 to 100 letters, digits or dashes
   * @param close whether the session ended
   */
  public void heartbeat(String sessionId, boolean close) {
    Ids.identifier(sessionId, "sessionId");
    credentials.requireAny("Sending a session heartbeat");
    executor.execute(api.recordSessionHeartbeat(sessionId, close));
  }

  /**
   * Returns an event.
   *
   * @param eventId the event id
   * @return the event
   * @throws com.exceptionless.client.errors.NotFoundException when it does not exist (yet: processing is asynchronous)
   */
  public PersistentEvent get(String eventId) {
    Ids.objectId(eventId, "eventId");
    credentials.requireAny("Reading events");
    return executor.execute(api.getEvent(eventId, null, null), CredentialCheck.USER_ROLE_NEEDED).body();
  }

  /**
   * Lists one page of events, newest first unless sorted otherwise. By cursor unless the query sets a page:
   * follow {@link Page#nextPage()}; the total is reported only when the query asks for it.
   *
   * @param query where, filter, sort, time range, position and page size
   * @return the page
   */
  public Page<PersistentEvent> list(EventQuery query) {
    checkQuery(query);
    return page(query, q -> listCall(q, null), "Reading events");
  }

  /**
   * Returns every event matching the query, fetched lazily page by page (100 per page unless the query
   * sets a limit), by cursor unless the query sets a page.
   *
   * @param query where, filter, sort and time range
   * @return the lazy sequence
   */
  public AutoPager<PersistentEvent> listAll(EventQuery query) {
    checkQuery(query);
    EventQuery paged = query.withDefaultLimit(AUTO_PAGING_LIMIT);
    return AutoPager.of(() -> list(paged));
  }

  /**
   * Lists one page of event summaries ({@code mode=summary}): id, date and the template data the dashboard shows.
   *
   * @param query where, filter, sort, time range, position and page size
   * @return the page
   */
  public Page<EventSummary> listSummaries(EventQuery query) {
    checkQuery(query);
    return page(query, q -> summaries.listOf(listCall(q, "summary"), EventSummary.class), "Reading events");
  }

  /**
   * Lists one page of the stacks of the matching events, as summaries ({@code mode=stack_recent} and so on).
   *
   * @param query where, filter, time range, position and page size (no sort: the mode orders the stacks)
   * @param mode how to order the stacks
   * @return the page
   */
  public Page<StackSummary> listStackSummaries(EventQuery query, StackSummaryMode mode) {
    checkQuery(query);
    Objects.requireNonNull(mode, "mode == null");
    if (query.sort() != null) {
      throw new IllegalArgumentException("sort is set, but the server does not sort in stack modes (" + mode.mode()
          + " orders the stacks itself): remove the sort");
    }
    return page(query, q -> summaries.listOf(listCall(q, mode.mode()), StackSummary.class), "Reading events");
  }

  /**
   * Counts events, with aggregations when the query asks for them.
   *
   * @param query where, filter, aggregations and time range
   * @return the total and the aggregations
   */
  public CountResult count(EventCountQuery query) {
    Objects.requireNonNull(query, "query == null");
    Scope scope = query.scope();
    credentials.requireAny("Counting events");
    Call<CountResult> call;
    switch (scope.kind()) {
      case ORGANIZATION:
        call = api.countOrganizationEvents(scope.id(), query.filter(), query.aggregations(), query.time(), query.offset(), null);
        break;
      case PROJECT:
        call = api.countProjectEvents(scope.id(), query.filter(), query.aggregations(), query.time(), query.offset(), null);
        break;
      default:
        call = api.countEvents(query.filter(), query.aggregations(), query.time(), query.offset(), null);
    }
    return executor.execute(call, CredentialCheck.USER_ROLE_NEEDED).body();
  }

  /**
   * Lists the events with a reference id (usually one), everywhere or in the query's project. After a
   * submission, poll this until the event appears: processing is asynchronous.
   *
   * @param referenceId the reference id, 8 to 100 letters, digits or dashes
   * @param query the project (or none), position and page size; this route takes no filter, sort or time
   * @return the page
   */
  public Page<PersistentEvent> byReferenceId(String referenceId, EventQuery query) {
    Ids.identifier(referenceId, "referenceId");
    checkQuery(query);
    Scope scope = query.scope().require("Listing events by reference id", Scope.Kind.ALL, Scope.Kind.PROJECT);
    if (query.filter() != null || query.sort() != null || query.time() != null) {
      throw new IllegalArgumentException("Listing events by reference id takes no filter, sort or time: remove them,"
          + " or use list(EventQuery) with the filter reference:" + referenceId);
    }
    return page(query, q -> scope.kind() == Scope.Kind.PROJECT
        ? api.listProjectEventsByReferenceId(scope.id(), referenceId, q.offset(), null, q.page(), q.limit(), q.before(),
            q.after(), q.include())
        : api.listEventsByReferenceId(referenceId, q.offset(), null, q.page(), q.limit(), q.before(), q.after(), q.include()),
        "Reading events");
  }

  /**
   * Lists session start events (one per session), everywhere, in an organization or in a project. Sessions
   * are a premium feature: free plans get 426.
   *
   * @param query where, filter, sort, time range, position and page size
   * @return the page
   */
  public Page<PersistentEvent> sessions(EventQuery query) {
    checkQuery(query);
    Scope scope = query.scope().require("Listing sessions", Scope.Kind.ALL, Scope.Kind.ORGANIZATION, Scope.Kind.PROJECT);
    return page(query, q -> {
      switch (scope.kind()) {
        case ORGANIZATION:
          return api.listOrganizationSessions(scope.id(), q.filter(), q.sort(), q.time(), q.offset(), null, q.page(),
              q.limit(), q.before(), q.after(), q.include());
        case PROJECT:
          return api.listProjectSessions(scope.id(), q.filter(), q.sort(), q.time(), q.offset(), null, q.page(),
              q.limit(), q.before(), q.after(), q.include());
        default:
          return api.listSessions(q.filter(), q.sort(), q.time(), q.offset(), null, q.page(), q.limit(), q.before(),
              q.after(), q.include());
      }
    }, "Reading sessions");
  }

  /**
   * Lists the events of one session, everywhere or in the query's project.
   *
   * @param sessionId the session id, 8 to 100 letters, digits or dashes
   * @param query the project (or none), filter, sort, time range, position and page size
   * @return the page
   */
  public Page<PersistentEvent> sessionEvents(String sessionId, EventQuery query) {
    Ids.identifier(sessionId, "sessionId");
    checkQuery(query);
    Scope scope = query.scope().require("Listing the events of a session", Scope.Kind.ALL, Scope.Kind.PROJECT);
    return page(query, q -> scope.kind() == Scope.Kind.PROJECT
        ? api.listProjectSessionEvents(scope.id(), sessionId, q.filter(), q.sort(), q.time(), q.offset(), null, q.page(),
            q.limit(), q.before(), q.after(), q.include())
        : api.listSessionEvents(sessionId, q.filter(), q.sort(), q.time(), q.offset(), null, q.page(), q.limit(),
            q.before(), q.after(), q.include()),
        "Reading sessions");
  }

  /**
   * Deletes events (needs the user role). Every id is checked before anything is sent.
   *
   * @param eventIds the event ids
   * @return which were deleted and which failed
   * @throws com.exceptionless.client.errors.NotFoundException when none of them exists
   */
  public BulkResult delete(Collection<String> eventIds) {
    List<String> ids = Ids.objectIds(eventIds, "eventIds");
    credentials.requireAny("Deleting events");
    return executor.executeBulk(api.deleteEvents(String.join(",", ids)), ids, CredentialCheck.USER_ROLE_NEEDED);
  }

  private <T> Page<T> page(EventQuery query, Function<EventQuery, Call<List<T>>> call, String operation) {
    credentials.requireAny(operation);
    Response<List<T>> response = executor.execute(call.apply(query), CredentialCheck.USER_ROLE_NEEDED);
    return Pages.cursorOrNumbered(response, position -> page(query.at(position), call, operation));
  }

  private Call<List<PersistentEvent>> listCall(EventQuery q, String mode) {
    switch (q.scope().kind()) {
      case ORGANIZATION:
        return api.listOrganizationEvents(q.scope().id(), q.filter(), q.sort(), q.time(), q.offset(), mode, q.page(),
            q.limit(), q.before(), q.after(), q.include());
      case PROJECT:
        return api.listProjectEvents(q.scope().id(), q.filter(), q.sort(), q.time(), q.offset(), mode, q.page(),
            q.limit(), q.before(), q.after(), q.include());
      case STACK:
        return api.listStackEvents(q.scope().id(), q.filter(), q.sort(), q.time(), q.offset(), mode, q.page(),
            q.limit(), q.before(), q.after(), q.include());
      default:
        return api.listEvents(q.filter(), q.sort(), q.time(), q.offset(), mode, q.page(), q.limit(), q.before(),
            q.after(), q.include());
    }
  }

  private static void checkQuery(EventQuery query) {
    Objects.requireNonNull(query, "query == null");
  }

  private static void checkDescription(UserDescription description) {
    Objects.requireNonNull(description, "description == null");
    if (QueryChecks.text(description.getDescription()) == null && QueryChecks.text(description.getEmailAddress()) == null) {
      throw new IllegalArgumentException("description has neither an email address nor a description: set at least one");
    }
  }

  private static RequestBody plainText(List<String> lines) {
    Objects.requireNonNull(lines, "lines == null");
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("lines is empty: pass at least one line");
    }
    if (lines.size() > MAX_EVENTS_PER_REQUEST) {
      throw new IllegalArgumentException(lines.size() + " lines in one request: send at most " + MAX_EVENTS_PER_REQUEST);
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Objects.requireNonNull(line, "lines[" + i + "] == null");
      if (line.trim().isEmpty()) {
        throw new IllegalArgumentException("lines[" + i + "] is blank (the server would make no event of it)");
      }
      if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("lines[" + i + "] contains a line break: the server would split it into"
            + " several events; pass each line on its own");
      }
      text.append(line).append('\n');
    }
    return RequestBody.create(text.toString(), PLAIN_TEXT);
  }

  private List<Event> check(List<Event> events) {
    Objects.requireNonNull(events, "events == null");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("events is empty: pass at least one event");
    }
    if (events.size() > MAX_EVENTS_PER_REQUEST) {
      throw new IllegalArgumentException(events.size() + " events in one request: send at most " + MAX_EVENTS_PER_REQUEST);
    }
    List<Event> copy = new ArrayList<>(events);
    OffsetDateTime oldestAccepted = OffsetDateTime.now(clock).minus(MAXIMUM_EVENT_AGE);
    for (int i = 0; i < copy.size(); i++) {
      Event event = copy.get(i);
      Objects.requireNonNull(event, "events[" + i + "] == null");
      checkEvent(event, "events[" + i + "]", oldestAccepted);
    }
    return copy;
  }

  private static void checkEvent(Event event, String name, OffsetDateTime oldestAccepted) {
    if (event.getReferenceId() != null && !Checks.IDENTIFIER.matcher(event.getReferenceId()).matches()) {
      throw new IllegalArgumentException(name + ".reference_id \"" + event.getReferenceId()
          + "\" must be 8 to 100 letters, digits or dashes (the server would store the event with the reference"
          + " id \"invalid-reference-id\" instead, so it could not be found by this one)");
    }
    if (event.getType() != null && (event.getType().isEmpty() || event.getType().length() > 100)) {
      throw new IllegalArgumentException(name + ".type must be 1 to 100 characters (leave it unset for the server"
          + " to choose error or log; a longer type makes the server fail every event of the request)");
    }
    if (event.getDate() != null && event.getDate().isBefore(oldestAccepted)) {
      throw new IllegalArgumentException(name + ".date " + event.getDate() + " is more than 3 days ago: the server"
          + " accepts such an event with 202 and then drops it without a word (it takes events dated at most 3"
          + " days back); send events as they happen, or date it later");
    }
    if (event.getTags() != null) {
      for (String tag : event.getTags()) {
        if (tag == null || tag.trim().isEmpty() || tag.length() > 255) {
          throw new IllegalArgumentException(name + ".tags has a tag that is blank or longer than 255 characters"
              + " (the server would remove it; it also removes tags over 100 characters and keeps at most 50)");
        }
      }
    }
  }
}
