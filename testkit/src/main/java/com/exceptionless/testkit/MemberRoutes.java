package com.exceptionless.testkit;

import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Users and memberships as the server's UserHandler and OrganizationHandler do them: GET users/me; GET
 * organizations/{organizationId}/users (members, then pending invitations, paged, X-Result-Count); POST
 * organizations/{id}/users/{email} (adds a known user as member, else invites the address; answers only the
 * address) and DELETE (removes the member or the invitation; 400 for the last member; 200 for anything else);
 * all under UserPolicy; thread-safe.
 */
final class MemberRoutes {
  static final String LAST_MEMBER = "An organization must contain at least one user.";

  private final InMemoryStore store;

  MemberRoutes(InMemoryStore store) {
    this.store = store;
  }

  void register(RouteTable table) {
    table.add("GET", "/api/v2/users/me", Policy.USER_POLICY, this::me);
    table.add("GET", "/api/v2/organizations/{organizationId:objectid}/users", Policy.USER_POLICY, this::list);
    table.add("POST", "/api/v2/organizations/{id:objectid}/users/{email:minlength(1)}", Policy.USER_POLICY,
        this::add);
    table.add("DELETE", "/api/v2/organizations/{id:objectid}/users/{email:minlength(1)}", Policy.USER_POLICY,
        this::remove);
  }

  private ApiResponse me(RouteCall call) {
    UserRecord user = store.user(Access.requireCurrentUser(call));
    if (user == null) {
      return Problems.titled(call.request, 404, "User not found.");
    }
    Map<String, Object> view = view(user, store.organizationIdsOf(user.id), call.identity.hasRole(Scopes.GLOBAL));
    Map<String, Object> current = new LinkedHashMap<String, Object>();
    current.put("has_local_account", true);
    current.putAll(view);
    return ApiResponse.json(200, current);
  }

  private ApiResponse list(RouteCall call) {
    String organizationId = call.path("organizationId");
    OrganizationRecord organization = store.organization(organizationId);
    if (organization == null || !call.identity.canAccessOrganization(organizationId)) {
      return Problems.titled(call.request, 404, "User not found.");
    }
    boolean globalAdmin = call.identity.hasRole(Scopes.GLOBAL);
    List<Map<String, Object>> all = new ArrayList<Map<String, Object>>();
    for (String userId : organization.memberUserIds) {
      UserRecord user = store.user(userId);
      if (user != null) {
        all.add(view(user, store.organizationIdsOf(user.id), globalAdmin));
      }
    }
    for (String email : organization.invites) {
      Map<String, Object> invite = new LinkedHashMap<String, Object>();
      invite.put("email_address", email);
      invite.put("is_invite", true);
      all.add(invite);
    }
    Pager pager = Pager.from(call.request, EventReadRoutes.MAXIMUM_LIMIT);
    if (pager.skip() > Pager.MAXIMUM_SKIP) {
      return pager.respond(call.request, Collections.emptyList(), 0);
    }
    return pager.respond(call.request, pager.slice(all), all.size());
  }

  private ApiResponse add(RouteCall call) {
    String email = email(call);
    synchronized (store) {
      OrganizationRecord organization = Access.organization(store, call, call.path("id"));
      UserRecord user = store.findUserByEmail(email);
      if (user != null) {
        store.replaceOrganization(organization.withMember(user.id, true));
      } else {
        store.replaceOrganization(organization.withInvite(email, true));
      }
    }
    return ApiResponse.json(200, Collections.singletonMap("email_address", email));
  }

  private ApiResponse remove(RouteCall call) {
    String email = email(call);
    synchronized (store) {
      OrganizationRecord organization = Access.organization(store, call, call.path("id"));
      UserRecord user = store.findUserByEmail(email);
      if (user == null || !organization.memberUserIds.contains(user.id)) {
        if (organization.invites.contains(email.toLowerCase(Locale.ROOT))) {
          store.replaceOrganization(organization.withInvite(email, false));
        }
        return ApiResponse.empty(200);
      }
      if (organization.memberUserIds.size() == 1) {
        return Problems.titled(call.request, 400, LAST_MEMBER);
      }
      store.replaceOrganization(organization.withMember(user.id, false));
    }
    return ApiResponse.empty(200);
  }

  /** The ViewUser JSON of a member; the global role only for a global administrator caller. */
  private static Map<String, Object> view(UserRecord user, java.util.Set<String> organizationIds,
      boolean showGlobalRole) {
    Map<String, Object> view = new LinkedHashMap<String, Object>();
    view.put("id", user.id);
    view.put("organization_ids", new ArrayList<String>(organizationIds));
    view.put("full_name", user.email.substring(0, user.email.indexOf('@') < 0 ? user.email.length()
        : user.email.indexOf('@')));
    view.put("email_address", user.email);
    view.put("email_notifications_enabled", true);
    view.put("is_email_address_verified", true);
    view.put("is_active", true);
    view.put("is_invite", false);
    view.put("roles", user.globalAdmin && showGlobalRole ? Arrays.asList(Scopes.CLIENT, Scopes.USER, Scopes.GLOBAL)
        : Arrays.asList(Scopes.CLIENT, Scopes.USER));
    return view;
  }

  private static String email(RouteCall call) {
    String raw = call.path("email");
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), "UTF-8").trim();
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is not supported", e);
    }
  }
}
