package com.exceptionless.testkit;

/**
 * Looks up the organizations and projects a caller may see, answering the server's 404 problems otherwise, and
 * the 401 the server gives where a handler needs a current user that an API key without a user lacks; stateless.
 */
final class Access {
  static final String ORGANIZATION_NOT_FOUND = "Organization not found.";

  private Access() {
  }

  static OrganizationRecord organization(InMemoryStore store, RouteCall call, String id) {
    OrganizationRecord organization = store.organization(id);
    if (organization == null || !call.identity.canAccessOrganization(organization.id)) {
      throw new ApiProblemException(Problems.titled(call.request, 404, ORGANIZATION_NOT_FOUND));
    }
    return organization;
  }

  static ProjectRecord project(InMemoryStore store, RouteCall call, String id) {
    ProjectRecord project = store.project(id);
    if (project == null || !call.identity.canAccessOrganization(project.organizationId)) {
      throw new ApiProblemException(Problems.projectNotFound(call.request));
    }
    return project;
  }

  /** Returns the caller's user id; a user-scoped API key without a user gets 401, as from the server. */
  static String requireCurrentUser(RouteCall call) {
    String userId = call.identity.callerUserId();
    if (userId == null) {
      throw new ApiProblemException(Problems.status(call.request, 401));
    }
    return userId;
  }
}
