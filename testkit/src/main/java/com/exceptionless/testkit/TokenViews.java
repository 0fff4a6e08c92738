package com.exceptionless.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a token as the API's ViewToken (snake_case, nulls omitted); stateless. */
final class TokenViews {
  private TokenViews() {
  }

  static Map<String, Object> view(TokenRecord token) {
    Map<String, Object> view = new LinkedHashMap<String, Object>();
    view.put("id", token.id);
    view.put("organization_id", token.organizationId);
    view.put("project_id", token.projectId);
    view.put("user_id", token.userId);
    view.put("default_project_id", token.defaultProjectId);
    view.put("scopes", token.scopes);
    view.put("expires_utc", UtcTimestamps.format(token.expiresUtc));
    view.put("notes", token.notes);
    view.put("is_disabled", token.disabled);
    view.put("is_suspended", token.suspended);
    view.put("created_utc", UtcTimestamps.format(token.createdUtc));
    view.put("updated_utc", UtcTimestamps.format(token.updatedUtc));
    return view;
  }
}
