package com.exceptionless.testkit;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The client routes of the event area: POST events and POST projects/{projectId}/events (the server's checks in
 * pipeline order: 401 no organization, 503 disabled, 411, 413, 415, 404/400 project; then 202 with the config
 * version, recording what arrived and handing it to the {@link EventProcessor}), the user-description routes
 * (202; 422 on a malformed email address) and the session heartbeat (200, recorded); thread-safe.
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
    if (raw.length == 0) {
      return Problems.status(request, 411);
    }
    String contentType = request.header("content-type");
    if (!EventBody.isSupportedContentType(contentType)) {
      return Problems.status(request, 415);
    }
    byte[] decoded;
    try {
      decoded = EventBody.decode(raw, request.header("content-encoding"), 10 * MAXIMUM_EVENT_POST_SIZE);
    } catch (IOException e) {
      return Problems.badBody(request, "The request body could not be decompressed.");
    }
    if (decoded == null) {
      return Problems.status(request, 413);
    }
    ProjectRecord project = resolveProject(call, false);
    String text = new String(decoded, EventBody.charset(contentType));
    List<ReceivedEvent> received = record(request, project, text, decoded.length);
    String client = request.header("x-exceptionless-client");
    processor.accept(project.id, received, client != null ? client : request.header("user-agent"),
        request.clientAddress);
    return ApiResponse.empty(202)
        .header("X-Exceptionless-ConfigVersion", Integer.toString(project.configVersion));
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
    if (email != null && !EMAIL.matcher(email.trim()).matches()) {
      return Problems.invalid(call.request, "email_address", "The EmailAddress field is not a valid e-mail address.");
    }
    if (body.containsKey("data") && body.get("data") != null && !(body.get("data") instanceof Map)) {
      return Problems.badBody(call.request, "The JSON value of 'data' must be an object.");
    }
    ProjectRecord project = resolveProject(call, true);
    Map<String, Object> stored = new java.util.LinkedHashMap<String, Object>();
    stored.put("email_address", email);
    stored.put("description", description);
    stored.put("data", body.get("data"));
    stored.values().removeIf(java.util.Objects::isNull);
    eventStore.attachUserDescription(project.id, call.path("referenceId"),
        java.util.Collections.unmodifiableMap(stored));
    return ApiResponse.empty(202)
        .header("X-Exceptionless-ConfigVersion", Integer.toString(project.configVersion));
  }

  /** Needs {@code id} (400 without); {@code close} is true or false (400 otherwise); 404 without a project. */
  private ApiResponse heartbeat(RouteCall call) {
    String id = call.request.query.first("id");
    if (id == null || id.trim().isEmpty()) {
      return Problems.titled(call.request, 400, "The id query parameter is required.");
    }
    String close = call.request.query.first("close");
    if (close != null && !close.isEmpty() && !close.equalsIgnoreCase("true") && !close.equalsIgnoreCase("false")) {
      return Problems.titled(call.request, 400, "The value '" + close + "' is not valid for close.");
    }
    String projectId = call.identity.tokenProjectId() != null ? call.identity.tokenProjectId()
        : call.identity.tokenDefaultProjectId();
    ProjectRecord project = store.project(projectId);
    if (project == null || !call.identity.canAccessOrganization(project.organizationId)) {
      return Problems.projectNotFound(call.request);
    }
    recorder.recordHeartbeat(new SessionHeartbeat(project.id, id.trim(), "true".equalsIgnoreCase(close),
        clock.instant()));
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
