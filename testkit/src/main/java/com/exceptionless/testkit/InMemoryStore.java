package com.exceptionless.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Holds users, organizations, projects and tokens as immutable records; every method is synchronized. */
final class InMemoryStore {
  private final Map<String, UserRecord> users = new LinkedHashMap<String, UserRecord>();
  private final Map<String, OrganizationRecord> organizations = new LinkedHashMap<String, OrganizationRecord>();
  private final Map<String, ProjectRecord> projects = new LinkedHashMap<String, ProjectRecord>();
  private final Map<String, TokenRecord> tokens = new LinkedHashMap<String, TokenRecord>();

  synchronized void addUser(UserRecord user) {
    if (users.containsKey(user.id) || findUserByEmail(user.email) != null) {
      throw new IllegalArgumentException("A user with this id or email already exists: " + user.email);
    }
    users.put(user.id, user);
  }

  synchronized UserRecord user(String id) {
    return id == null ? null : users.get(id);
  }

  synchronized UserRecord findUserByEmail(String email) {
    if (email == null) {
      return null;
    }
    String wanted = email.trim().toLowerCase(Locale.ROOT);
    for (UserRecord user : users.values()) {
      if (user.email.toLowerCase(Locale.ROOT).equals(wanted)) {
        return user;
      }
    }
    return null;
  }

  synchronized void addOrganization(OrganizationRecord organization) {
    for (String userId : organization.memberUserIds) {
      requireKnown(users, userId, "user");
    }
    putNew(organizations, organization.id, organization, "organization");
  }

  synchronized OrganizationRecord organization(String id) {
    return id == null ? null : organizations.get(id);
  }

  /** Replaces a stored organization with a changed copy; returns false if it no longer exists. */
  synchronized boolean replaceOrganization(OrganizationRecord organization) {
    return replaceIfPresent(organizations, organization.id, organization);
  }

  /** Removes an organization with its projects and API keys; returns false if it did not exist. */
  synchronized boolean removeOrganization(String id) {
    if (organizations.remove(id) == null) {
      return false;
    }
    projects.values().removeIf(project -> project.organizationId.equals(id));
    tokens.values().removeIf(token -> id.equals(token.organizationId));
    return true;
  }

  /** Returns the organizations with these ids that exist, in creation order. */
  synchronized List<OrganizationRecord> organizationsIn(Collection<String> ids) {
    List<OrganizationRecord> result = new ArrayList<OrganizationRecord>();
    for (OrganizationRecord organization : organizations.values()) {
      if (ids.contains(organization.id)) {
        result.add(organization);
      }
    }
    return result;
  }

  /** Returns the ids of the organizations the user belongs to, in creation order. */
  synchronized Set<String> organizationIdsOf(String userId) {
    Set<String> ids = new LinkedHashSet<String>();
    for (OrganizationRecord organization : organizations.values()) {
      if (organization.memberUserIds.contains(userId)) {
        ids.add(organization.id);
      }
    }
    return ids;
  }

  synchronized void addProject(ProjectRecord project) {
    requireKnown(organizations, project.organizationId, "organization");
    putNew(projects, project.id, project, "project");
  }

  synchronized ProjectRecord project(String id) {
    return id == null ? null : projects.get(id);
  }

  synchronized List<ProjectRecord> projectsIn(Collection<String> organizationIds) {
    List<ProjectRecord> result = new ArrayList<ProjectRecord>();
    for (ProjectRecord project : projects.values()) {
      if (organizationIds.contains(project.organizationId)) {
        result.add(project);
      }
    }
    return result;
  }

  /** Replaces a stored project with a changed copy; returns false if it no longer exists. */
  synchronized boolean replaceProject(ProjectRecord project) {
    return replaceIfPresent(projects, project.id, project);
  }

  /** Removes a project and the API keys bound to it; returns false if it did not exist. */
  synchronized boolean removeProject(String id) {
    if (projects.remove(id) == null) {
      return false;
    }
    tokens.values().removeIf(token -> id.equals(token.projectId));
    return true;
  }

  synchronized ProjectRecord setProjectSetting(String projectId, String key, String value) {
    ProjectRecord changed = requireKnown(projects, projectId, "project").withSetting(key, value);
    projects.put(projectId, changed);
    return changed;
  }

  synchronized void addToken(TokenRecord token) {
    if (token.type == TokenRecord.Type.ACCESS) {
      requireKnown(organizations, token.organizationId, "organization");
    }
    if (token.projectId != null) {
      requireKnown(projects, token.projectId, "project");
    }
    if (token.userId != null) {
      requireKnown(users, token.userId, "user");
    }
    putNew(tokens, token.id, token, "token");
  }

  synchronized TokenRecord token(String id) {
    return id == null ? null : tokens.get(id);
  }

  /** Replaces a stored token with a changed copy; returns false if it no longer exists. */
  synchronized boolean replaceToken(TokenRecord token) {
    return replaceIfPresent(tokens, token.id, token);
  }

  synchronized boolean removeToken(String id) {
    return tokens.remove(id) != null;
  }

  /** Returns the project's API keys (its own and those defaulting to it), oldest first. */
  synchronized List<TokenRecord> accessTokensOfProject(String projectId) {
    List<TokenRecord> result = new ArrayList<TokenRecord>();
    for (TokenRecord token : tokens.values()) {
      if (token.type == TokenRecord.Type.ACCESS
          && (projectId.equals(token.projectId) || projectId.equals(token.defaultProjectId))) {
        result.add(token);
      }
    }
    Collections.sort(result, new Comparator<TokenRecord>() {
      @Override
      public int compare(TokenRecord a, TokenRecord b) {
        return a.createdUtc.compareTo(b.createdUtc);
      }
    });
    return result;
  }

  /** Returns the organization's API keys (organization-wide and project keys), oldest first. */
  synchronized List<TokenRecord> accessTokensOfOrganization(String organizationId) {
    List<TokenRecord> result = new ArrayList<TokenRecord>();
    for (TokenRecord token : tokens.values()) {
      if (token.type == TokenRecord.Type.ACCESS && organizationId.equals(token.organizationId)) {
        result.add(token);
      }
    }
    Collections.sort(result, new Comparator<TokenRecord>() {
      @Override
      public int compare(TokenRecord a, TokenRecord b) {
        return a.createdUtc.compareTo(b.createdUtc);
      }
    });
    return result;
  }

  /** Returns a usable login token of the user, or null when there is none. */
  synchronized TokenRecord usableLoginTokenOf(String userId, Instant now) {
    for (TokenRecord token : tokens.values()) {
      if (token.type == TokenRecord.Type.AUTHENTICATION && userId.equals(token.userId)
          && token.isUsableAt(now)) {
        return token;
      }
    }
    return null;
  }

  private static <T> T requireKnown(Map<String, T> map, String id, String what) {
    T value = id == null ? null : map.get(id);
    if (value == null) {
      throw new IllegalArgumentException("Unknown " + what + " id: " + id);
    }
    return value;
  }

  private static <T> void putNew(Map<String, T> map, String id, T value, String what) {
    if (map.containsKey(id)) {
      throw new IllegalArgumentException("A " + what + " with this id already exists");
    }
    map.put(id, value);
  }

  private static <T> boolean replaceIfPresent(Map<String, T> records, String id, T record) {
    if (!records.containsKey(id)) {
      return false;
    }
    records.put(id, record);
    return true;
  }
}
