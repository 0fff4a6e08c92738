package com.exceptionless.testkit;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The client routes of the event area: POST events and POST projects/{projectId}/events (the server's checks in
 * pipeline order: 401 no organization, 503 disabled, 411 for {@code Content-Length: 0} (a chunked empty body is
 * accepted and yields no events), 413, 415, 404/400 project; then 202 with the config
 * version, recording what arrived and handing it to the {@link EventProcessor}; a body that cannot be
 * decompressed is accepted and dropped, as the server's job drops it), the user-description routes (202 with the
 * config version; 422 on a malformed email address or with neither email address nor description) and the
 * session heartbeat (200 without the config version; recorded when it has an id); thread-safe.
 */
final class EventRoutes {
  /** The server's default MaximumEventPostSize in bytes. */
  static final int MAXIMUM_EVENT_POST_SIZE = 200_000;

  private final InMemoryStore store;
  private final Recorder recorder;
  private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+");

  private final Clock clock;
  private final EventProcessor processor;
  private final EventStore eventStore;
  private volatile boolean submissionDisabled;

  EventRoutes(InMemoryStore store, Recorder recorder, Clock clock, EventProcessor processor, EventStore events) {
    this.store = store;
    this.recorder = recorder;
    this.clock = clock;
    this.processor = processor;
    this.eventStore = events;
  }

  void register(RouteTable table) {
    table.add("POST", "/api/v2/events", Policy.CLIENT_POLICY, this::submit);
    table.add("POST", "/api/v2/projects/{projectId:objectid}/events", Policy.CLIENT_POLICY, this::submit);
    table.add("POST", "/api/v2/events/by-ref/{referenceId:identifier}/user-description", Policy.CLIENT_POLICY,
        this::userDescription);
    table.add("POST", "/api/v2/projects/{projectId:objectid}/events/by-ref/{referenceId:identifier}"
        + "/user-description", Policy.CLIENT_POLICY, this::userDescription);
    table.add("GET", "/api/v2/events/session/heartbeat", Policy.CLIENT_POLICY, this::heartbeat);
  }

  void setSubmissionDisabled(boolean disabled) {
    this.submissionDisabled = disabled;
  }

  private ApiResponse submit(RouteCall call) {
    ApiRequest request = call.request;
    if (call.identity.organizationIds.isEmpty()) {
      request.drain();
      return Problems.status(request, 401);
    }
    if (submissionDisabled) {
      request.drain();
      return Problems.status(request, 503);
    }
    if (request.contentLength() == 0) {
      return Problems.status(request, 411);
    }
    byte[] raw = request.readBody(MAXIMUM_EVENT_POST_SIZE);
    String contentType = request.header("content-type");
    if (!EventBody.isSupportedContentType(contentType)) {
      return Problems.status(request, 415);
    }
    ProjectRecord project = resolveProject(call, false);
    ApiResponse accepted = ApiResponse.empty(202)
        .header("X-Exceptionless-ConfigVersion", Integer.toString(project.configVersion));
    byte[] decoded;
    String dropReason;
    try {
      decoded = EventBody.decode(raw, request.header("content-encoding"), 10 * MAXIMUM_EVENT_POST_SIZE);
      dropReason = decoded == null ? "the body is over " + 10 * MAXIMUM_EVENT_POST_SIZE + " bytes decompressed"
          : null;
    } catch (IOException e) {
      decoded = null;
      dropReason = "the body could not be decompressed: " + e.getMessage();
    }
    if (dropReason != null) {
      Instant now = clock.instant();
      recorder.recordSubmission(new ReceivedSubmission(request.method, request.path, request.headers, "",
          0, 0, project.id, now), java.util.Collections.<ReceivedEvent>emptyList());
      recorder.recordDropped(new DroppedEvent(project.id, java.util.Collections.<String, Object>emptyMap(),
          dropReason, now));
      return accepted;
    }
    String text = new String(decoded, EventBody.charset(contentType));
    List<ReceivedEvent> received = record(request, project, text, decoded.length);
    String client = request.header("x-exceptionless-client");
    processor.accept(project.id, received, client != null ? client : request.header("user-agent"),
        request.clientAddress);
    return accepted;
  }

  /**
   * Route project, else the key's project, else (where allowed) the {@code projectId} query parameter, else the
   * key's default project; 404 on mismatch or an unknown project, 400 when there is none.
   */
  private ProjectRecord resolveProject(RouteCall call, boolean queryProjectAllowed) {
    String routeProjectId = call.path("projectId");
    String tokenProjectId = call.identity.tokenProjectId();
    String projectId;
    if (routeProjectId != null) {
      if (tokenProjectId != null && !tokenProjectId.equalsIgnoreCase(routeProjectId)) {
        throw new ApiProblemException(Problems.projectNotFound(call.request));
      }
      projectId = routeProjectId;
    } else {
      projectId = tokenProjectId != null ? tokenProjectId
          : queryProjectAllowed ? call.request.query.first("projectId") : null;
      if (projectId == null) {
        projectId = call.identity.tokenDefaultProjectId();
      }
      if (projectId == null) {
        throw new ApiProblemException(Problems.titled(call.request, 400,
            "No project id specified and no default project was found"));
      }
    }
    ProjectRecord project = store.project(projectId);
    if (project == null || !call.identity.canAccessOrganization(project.organizationId)) {
      throw new ApiProblemException(Problems.projectNotFound(call.request));
    }
    return project;
  }

  private ApiResponse userDescription(RouteCall call) {
    Map<String, Object> body = JsonBody.readObject(call.request, false);
    String email = JsonBody.string(call.request, body, "email_address");
    String description = JsonBody.string(call.request, body, "description");
    if (email != null && !email.trim().isEmpty() && !EMAIL.matcher(email.trim()).matches()) {
      return Problems.invalid(call.request, "email_address", "The EmailAddress field is not a valid e-mail address.");
    }
    if ((email == null || email.trim().isEmpty()) && (description == null || description.trim().isEmpty())) {
      return Problems.invalid(call.request, "email_address", "Please specify an email address or description.");
    }
    if (body.containsKey("data") && body.get("data") != null && !(body.get("data") instanceof Map)) {
      return Problems.badBody(call.request, "The JSON value of 'data' must be an object.");
    }
    ProjectRecord project = resolveProject(call, true);
    Map<String, Object> stored = new java.util.LinkedHashMap<String, Object>();
    stored.put("email_address", email == null || email.trim().isEmpty() ? null : email.trim());
    stored.put("description", description == null || description.trim().isEmpty() ? null : description.trim());
    stored.put("data", body.get("data"));
    stored.values().removeIf(java.util.Objects::isNull);
    eventStore.attachUserDescription(project.id, call.path("referenceId"),
        java.util.Collections.unmodifiableMap(stored));
    return ApiResponse.empty(202)
        .header("X-Exceptionless-ConfigVersion", Integer.toString(project.configVersion));
  }

  /**
   * As RecordSessionHeartbeatMiddleware.cs: 401 (empty) without a project on the credential; 200 and nothing
   * recorded without an {@code id} or while submission is disabled; {@code close} is true only when it reads as
   * true, anything else is false.
   */
  private ApiResponse heartbeat(RouteCall call) {
    String projectId = call.identity.tokenProjectId() != null ? call.identity.tokenProjectId()
        : call.identity.tokenDefaultProjectId();
    if (projectId == null) {
      return ApiResponse.empty(401);
    }
    String id = call.request.query.first("id");
    if (id == null || id.isEmpty() || submissionDisabled) {
      return ApiResponse.empty(200);
    }
    String close = call.request.query.first("close");
    recorder.recordHeartbeat(new SessionHeartbeat(projectId, id, close != null
        && close.trim().equalsIgnoreCase("true"), clock.instant()));
    return ApiResponse.empty(200);
  }

  private List<ReceivedEvent> record(ApiRequest request, ProjectRecord project, String text, int decodedSize) {
    Instant now = clock.instant();
    List<ReceivedEvent> events = new ArrayList<ReceivedEvent>();
    for (Map<String, Object> json : EventBody.parseEvents(text)) {
      events.add(new ReceivedEvent(project.id, json, now));
    }
    recorder.recordSubmission(new ReceivedSubmission(request.method, request.path, request.headers, text,
        decodedSize, events.size(), project.id, now), events);
    return events;
  }
}
