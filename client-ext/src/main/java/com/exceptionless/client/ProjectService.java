package com.exceptionless.client;

import com.exceptionless.client.errors.ExceptionlessServiceException;
import com.exceptionless.client.errors.NotFoundException;
import com.exceptionless.client.generated.api.ProjectApi;
import com.exceptionless.client.model.ClientConfiguration;
import com.exceptionless.client.model.NewProject;
import com.exceptionless.client.model.StringValueFromBody;
import com.exceptionless.client.model.UpdateProject;
import com.exceptionless.client.model.ProblemDetails;
import com.exceptionless.client.model.ViewProject;
import com.exceptionless.client.model.WorkInProgressResult;
import com.exceptionless.client.paging.AutoPager;
import com.exceptionless.client.paging.Page;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import retrofit2.Response;

/**
 * Projects ({@code api/v2/projects}): list, find, create, change and delete them, check names, read
 * or change their client configuration, set their data (such as the namespaces errors group by) and reset
 * their events. Everything but the client configuration needs the user role.
 * Immutable and thread-safe.
 */
public final class ProjectService {
  /** The project data key the server reads the application's namespaces from when it groups errors. */
  public static final String USER_NAMESPACES = "UserNamespaces";
  /** The project data key the server reads the methods that never identify an error from. */
  public static final String COMMON_METHODS = "CommonMethods";

  /** Page size used when walking every project. */
  static final int AUTO_PAGING_LIMIT = 100;

  private final ProjectApi api;
  private final CallExecutor executor;
  private final CredentialCheck credentials;

  ProjectService(ProjectApi api, CallExecutor executor, CredentialCheck credentials) {
    this.api = api;
    this.executor = executor;
    this.credentials = credentials;
  }

  /**
   * Lists one page of the projects of the caller's organizations (needs the {@code user} role).
   *
   * @param query filter, sort, page and page size
   * @return the page, with the total from {@code X-Result-Count}
   */
  public Page<ViewProject> list(ProjectQuery query) {
    Objects.requireNonNull(query, "query == null");
    credentials.requireAny("Listing projects");
    Response<List<ViewProject>> response = executor.execute(
        api.listProjects(query.filter(), query.sort(), query.page(), query.limit(), query.mode()),
        CredentialCheck.USER_ROLE_NEEDED);
    return Pages.numbered(response, page -> list(query.withPage(page)));
  }

  /** Lists the first page of projects with the server's defaults. */
  public Page<ViewProject> list() {
    return list(ProjectQuery.defaults());
  }

  /**
   * Returns every project matching the query, fetched lazily page by page (100 per page unless the query
   * sets a limit).
   *
   * @param query filter and sort; its page is where iteration starts
   * @return the lazy sequence
   */
  public AutoPager<ViewProject> listAll(ProjectQuery query) {
    Objects.requireNonNull(query, "query == null");
    ProjectQuery paged = query.withDefaultLimit(AUTO_PAGING_LIMIT);
    return AutoPager.of(() -> list(paged));
  }

  /** Returns every project of the caller's organizations, fetched lazily. */
  public AutoPager<ViewProject> listAll() {
    return listAll(ProjectQuery.defaults());
  }

  /**
   * Returns a project.
   *
   * @param projectId the project id
   * @return the project
   * @throws NotFoundException when it does not exist or the caller cannot see it
   */
  public ViewProject get(String projectId) {
    Ids.objectId(projectId, "projectId");
    credentials.requireAny("Getting a project");
    return executor.execute(api.getProject(projectId, null), CredentialCheck.USER_ROLE_NEEDED).body();
  }

  /**
   * Finds a project by id, or by name: exactly, else ignoring case when only one project matches.
   *
   * @param nameOrId the project's id or name
   * @return the project, or empty when none matches
   * @throws IllegalStateException when several projects have that name (pass the id instead)
   */
  public Optional<ViewProject> find(String nameOrId) {
    Objects.requireNonNull(nameOrId, "nameOrId == null");
    String wanted = nameOrId.trim();
    if (wanted.isEmpty()) {
      throw new IllegalArgumentException("nameOrId is blank: pass a project name or id");
    }
    if (Ids.OBJECT_ID.matcher(wanted).matches()) {
      try {
        return Optional.of(get(wanted));
      } catch (NotFoundException notAnId) {
        // A name may look like an id; fall through to the name search.
      }
    }
    List<ViewProject> all = listAll().stream().collect(Collectors.toList());
    List<ViewProject> exact = named(all, wanted, false);
    List<ViewProject> matches = exact.isEmpty() ? named(all, wanted, true) : exact;
    if (matches.size() > 1) {
      throw new IllegalStateException(matches.size() + " projects are named \"" + wanted + "\" (ids "
          + matches.stream().map(ViewProject::getId).collect(Collectors.joining(", ")) + "): pass the id instead");
    }
    return matches.stream().findFirst();
  }

  /**
   * Like {@link #find(String)}, but a missing project is a {@link NotFoundException} naming what was searched.
   *
   * @param nameOrId the project's id or name
   * @return the project
   */
  public ViewProject require(String nameOrId) {
    return find(nameOrId).orElseThrow(() -> (NotFoundException) ExceptionlessServiceException.builder()
        .statusCode(404)
        .request("project lookup")
        .problem(ProblemDetails.builder().status(404)
            .title("No project is named or has the id \"" + nameOrId.trim() + "\".").build())
        .advice("List the projects this user can see with projects().listAll().")
        .build());
  }

  /**
   * Returns the client configuration of the API key's project ({@code GET api/v2/projects/config}).
   *
   * @return the settings and their version
   */
  public ClientConfiguration config() {
    credentials.requireAny("Reading the client configuration");
    return executor.execute(api.getProjectConfig(null)).body();
  }

  /**
   * Returns the client configuration only when it is newer than the version the caller has.
   *
   * @param currentVersion the version the caller has
   * @return the newer configuration, or empty when the server answers 304 (not modified)
   */
  public Optional<ClientConfiguration> configIfNewer(int currentVersion) {
    credentials.requireAny("Reading the client configuration");
    Response<ClientConfiguration> response = executor.execute(api.getProjectConfig(currentVersion));
    return response.code() == 304 ? Optional.empty() : Optional.ofNullable(response.body());
  }

  /**
   * Creates a project in an organization.
   *
   * @param project the organization id and name (required), bot-data deletion and promoted tabs
   * @return the created project (201)
   * @throws com.exceptionless.client.errors.BadRequestException when the name is taken in the organization
   * @throws com.exceptionless.client.errors.PlanLimitException (426) when the plan allows no more projects
   */
  public ViewProject create(NewProject project) {
    Objects.requireNonNull(project, "project == null");
    Ids.objectId(project.getOrganizationId(), "project.organizationId");
    if (QueryChecks.text(project.getName()) == null) {
      throw new IllegalArgumentException("project.name is blank: the server requires a name");
    }
    credentials.requireAny("Creating a project");
    return executor.execute(api.createProject(project), CredentialCheck.USER_ROLE_NEEDED).body();
  }

  /**
   * Changes a project ({@code PATCH}); properties left null are not changed.
   *
   * @param projectId the project id
   * @param changes name, bot-data deletion, promoted tabs
   * @return the updated project
   */
  public ViewProject update(String projectId, UpdateProject changes) {
    Ids.objectId(projectId, "projectId");
    checkChanges(changes);
    credentials.requireAny("Updating a project");
    return executor.execute(api.updateProject(projectId, changes), CredentialCheck.USER_ROLE_NEEDED).body();
  }

  /**
   * Changes a project with {@code PUT}: the server applies the properties present, like
   * {@link #update(String, UpdateProject)}, but PUT is retried on failures where PATCH is not.
   *
   * @param projectId the project id
   * @param project name, bot-data deletion, promoted tabs
   * @return the updated project
   */
  public ViewProject replace(String projectId, UpdateProject project) {
    Ids.objectId(projectId, "projectId");
    checkChanges(project);
    credentials.requireAny("Replacing a project");
    return executor.execute(api.replaceProject(projectId, project), CredentialCheck.USER_ROLE_NEEDED).body();
  }

  /**
   * Deletes projects with their events and stacks (the server finishes in the background). Every id is
   * checked before anything is sent.
   *
   * @param projectIds the project ids
   * @return which were deleted and which failed
   * @throws NotFoundException when none of them exists
   */
  public BulkResult delete(Collection<String> projectIds) {
    List<String> ids = Ids.objectIds(projectIds, "projectIds");
    credentials.requireAny("Deleting projects");
    return executor.executeBulk(api.deleteProjects(String.join(",", ids)), ids, CredentialCheck.USER_ROLE_NEEDED);
  }

  /**
   * Returns the client configuration of a project given by id ({@code GET api/v2/projects/{id}/config}).
   *
   * @param projectId the project id
   * @return the settings and their version
   */
  public ClientConfiguration config(String projectId) {
    Ids.objectId(projectId, "projectId");
    credentials.requireAny("Reading the client configuration");
    return executor.execute(api.getProjectConfigById(projectId, null)).body();
  }

  /**
   * Sets one client configuration setting of a project; the configuration version grows, and clients
   * learn of it from {@code X-Exceptionless-ConfigVersion}.
   *
   * @param projectId the project id
   * @param key the setting's name
   * @param value its value
   */
  public void setConfigSetting(String projectId, String key, String value) {
    Ids.objectId(projectId, "projectId");
    String checkedKey = configKey(key);
    Objects.requireNonNull(value, "value == null: use deleteConfigSetting to remove a setting");
    credentials.requireAny("Changing the client configuration");
    executor.execute(api.setProjectConfigSetting(projectId, checkedKey, StringValueFromBody.builder().value(value).build()),
        CredentialCheck.USER_ROLE_NEEDED);
  }

  /**
   * Removes one client configuration setting of a project.
   *
   * @param projectId the project id
   * @param key the setting's name
   */
  public void deleteConfigSetting(String projectId, String key) {
    Ids.objectId(projectId, "projectId");
    String checkedKey = configKey(key);
    credentials.requireAny("Changing the client configuration");
    executor.execute(api.deleteProjectConfigSetting(projectId, checkedKey), CredentialCheck.USER_ROLE_NEEDED);
  }

  /**
   * Stores a value in the project's {@code data} (key and value are trimmed by the server). The server reads
   * {@value #USER_NAMESPACES} and {@value #COMMON_METHODS} from there when it groups errors: see
   * {@link #setUserNamespaces}.
   *
   * @param projectId the project id
   * @param key the key: not blank, not starting with {@code -}
   * @param value the value: not blank
   */
  public void setData(String projectId, String key, String value) {
    Ids.objectId(projectId, "projectId");
    String checkedKey = DataKeys.key(key);
    String checkedValue = DataKeys.value(value);
    credentials.requireAny("Changing a project's data");
    executor.execute(api.setProjectData(projectId, checkedKey, StringValueFromBody.builder().value(checkedValue).build()),
        CredentialCheck.USER_ROLE_NEEDED);
  }

  /**
   * Removes a key from the project's {@code data}; a key that is not there changes nothing.
   *
   * @param projectId the project id
   * @param key the key: not blank, not starting with {@code -}
   */
  public void deleteData(String projectId, String key) {
    Ids.objectId(projectId, "projectId");
    String checkedKey = DataKeys.key(key);
    credentials.requireAny("Changing a project's data");
    executor.execute(api.deleteProjectData(projectId, checkedKey), CredentialCheck.USER_ROLE_NEEDED);
  }

  /**
   * Tells the server which namespaces are the application's own code, so that errors group on the first of
   * their frames (project data {@value #USER_NAMESPACES}, comma-separated prefixes). Without it the server
   * treats every namespace not starting with {@code System} or {@code Microsoft} as user code, so for Java
   * {@code java.*}, {@code javax.*} and {@code sun.*} frames count as user code and an exception thrown inside
   * the JDK groups on the JDK method (every {@code NumberFormatException} of the application in one stack).
   * Pass the application's root packages, for example {@code com.acme.shop}. It applies to events processed
   * afterwards.
   *
   * @param projectId the project id
   * @param namespaces one or more package prefixes, without commas
   */
  public void setUserNamespaces(String projectId, Collection<String> namespaces) {
    setData(projectId, USER_NAMESPACES, commaSeparated(namespaces, "namespaces"));
  }

  /**
   * Tells the server which methods never identify an error (project data {@value #COMMON_METHODS}): a frame
   * whose signature contains one of them is passed over when the server looks for the frame an error groups
   * on. Setting it replaces the server's default ({@code DataContext.SubmitChanges}, {@code Entities.SaveChanges}).
   *
   * @param projectId the project id
   * @param methods one or more method names or signature fragments, without commas, for example
   *     {@code com.acme.shop.Retry.run}
   */
  public void setCommonMethods(String projectId, Collection<String> methods) {
    setData(projectId, COMMON_METHODS, commaSeparated(methods, "methods"));
  }

  /**
   * Queues the removal of every event and stack of a project (the project, its settings and tokens stay);
   * the server does it asynchronously, so events may remain readable for a moment.
   *
   * @param projectId the project id
   * @return the ids of the queued background work
   */
  public List<String> resetData(String projectId) {
    Ids.objectId(projectId, "projectId");
    credentials.requireAny("Resetting a project's data");
    WorkInProgressResult result = executor.execute(api.resetProjectData(projectId), CredentialCheck.USER_ROLE_NEEDED)
        .body();
    return result == null || result.getWorkers() == null ? Collections.emptyList() : result.getWorkers();
  }

  private static String commaSeparated(Collection<String> items, String name) {
    Objects.requireNonNull(items, name + " == null");
    if (items.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty: pass at least one, or use deleteData to remove the key");
    }
    StringBuilder joined = new StringBuilder();
    for (String item : items) {
      Objects.requireNonNull(item, name + " holds null");
      String trimmed = item.trim();
      if (trimmed.isEmpty() || trimmed.contains(",")) {
        throw new IllegalArgumentException(name + " holds \"" + item + "\": each must be non-blank and without commas");
      }
      joined.append(joined.length() == 0 ? "" : ",").append(trimmed);
    }
    return joined.toString();
  }

  /**
   * Returns whether an organization already has a project with this name (the server answers 201 when
   * it does and 204 when it does not).
   *
   * @param organizationId the organization id
   * @param name the name to check
   * @return true when the name is taken
   */
  public boolean isNameTaken(String organizationId, String name) {
    return isNameTaken(organizationId, name, null);
  }

  /**
   * Returns whether an organization has another project with this name, ignoring the project being renamed.
   *
   * @param organizationId the organization id
   * @param name the name to check
   * @param exceptProjectId the project being renamed, or null
   * @return true when the name is taken
   */
  public boolean isNameTaken(String organizationId, String name, String exceptProjectId) {
    Ids.objectId(organizationId, "organizationId");
    String checked = QueryChecks.text(name);
    if (checked == null) {
      throw new IllegalArgumentException("name is blank: pass the project name to check");
    }
    if (exceptProjectId != null) {
      Ids.objectId(exceptProjectId, "exceptProjectId");
    }
    credentials.requireAny("Checking a project name");
    Response<Void> response = executor.execute(api.checkProjectName(organizationId, checked, exceptProjectId),
        CredentialCheck.USER_ROLE_NEEDED);
    if (response.code() == 201) {
      return true;
    }
    if (response.code() == 204) {
      return false;
    }
    throw new com.exceptionless.client.errors.ExceptionlessException(Routes.describe(response.raw().request())
        + " answered " + response.code() + ", but only 201 (taken) and 204 (available) have a meaning here", null);
  }

  private static void checkChanges(UpdateProject changes) {
    Objects.requireNonNull(changes, "changes == null");
    if (changes.getName() != null && changes.getName().trim().isEmpty()) {
      throw new IllegalArgumentException("name is blank: leave it null to keep the current name");
    }
  }

  private static String configKey(String key) {
    Objects.requireNonNull(key, "key == null");
    if (key.trim().isEmpty()) {
      throw new IllegalArgumentException("key is blank: pass the setting's name");
    }
    return key;
  }

  private static List<ViewProject> named(List<ViewProject> projects, String name, boolean ignoreCase) {
    String lower = name.toLowerCase(Locale.ROOT);
    return projects.stream()
        .filter(p -> p.getName() != null
            && (ignoreCase ? p.getName().toLowerCase(Locale.ROOT).equals(lower) : p.getName().equals(name)))
        .collect(Collectors.toList());
  }
}
