package com.exceptionless.testkit;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * POST events and POST projects/{projectId}/events: the server's checks in pipeline order (401 no organization,
 * 503 disabled, 411, 413, 415, 404/400 project) and then 202 with the config version; records what arrived;
 * thread-safe.
 */
final class EventRoutes {
  /** The server's default MaximumEventPostSize in bytes. */
  static final int MAXIMUM_EVENT_POST_SIZE = 200_000;

  private final InMemoryStore store;
  private final Recorder recorder;
  private final Clock clock;
  private volatile boolean submissionDisabled;

  EventRoutes(InMemoryStore store, Recorder recorder, Clock clock) {
    this.store = store;
    this.recorder = recorder;
    this.clock = clock;
  }

  void register(RouteTable table) {
    table.add("POST", "/api/v2/events", Policy.CLIENT_POLICY, this::submit);
    table.add("POST", "/api/v2/projects/{projectId:objectid}/events", Policy.CLIENT_POLICY, this::submit);
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
    ProjectRecord project = resolveProject(call);
    String text = new String(decoded, EventBody.charset(contentType));
    record(request, project, text, decoded.length);
    return ApiResponse.empty(202)
        .header("X-Exceptionless-ConfigVersion", Integer.toString(project.configVersion));
  }

  /** Route project, else the key's project, else its default project; 404 on mismatch, 400 when none. */
  private ProjectRecord resolveProject(RouteCall call) {
    String routeProjectId = call.path("projectId");
    String tokenProjectId = call.identity.tokenProjectId();
    String projectId;
    if (routeProjectId != null) {
      if (tokenProjectId != null && !tokenProjectId.equalsIgnoreCase(routeProjectId)) {
        throw new ApiProblemException(Problems.projectNotFound(call.request));
      }
      projectId = routeProjectId;
    } else {
      projectId = tokenProjectId != null ? tokenProjectId : call.identity.tokenDefaultProjectId();
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

  private void record(ApiRequest request, ProjectRecord project, String text, int decodedSize) {
    Instant now = clock.instant();
    List<ReceivedEvent> events = new ArrayList<ReceivedEvent>();
    for (Map<String, Object> json : EventBody.parseEvents(text)) {
      events.add(new ReceivedEvent(project.id, json, now));
    }
    recorder.recordSubmission(new ReceivedSubmission(request.method, request.path, request.headers, text,
        decodedSize, events.size(), project.id, now), events);
  }
}
