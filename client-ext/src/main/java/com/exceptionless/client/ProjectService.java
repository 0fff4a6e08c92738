package com.exceptionless.client;

import com.exceptionless.client.errors.ErrorResponse;
import com.exceptionless.client.errors.NotFoundException;
import com.exceptionless.client.generated.api.ProjectApi;
import com.exceptionless.client.model.ClientConfiguration;
import com.exceptionless.client.model.ProblemDetails;
import com.exceptionless.client.model.ViewProject;
import com.exceptionless.client.paging.AutoPager;
import com.exceptionless.client.paging.Page;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import retrofit2.Response;

/**
 * Projects ({@code api/v2/projects}) and the client configuration of the API key's project.
 * Immutable and thread-safe.
 */
public final class ProjectService {
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
    if (query == null) {
      throw new NullPointerException("query == null");
    }
    credentials.requireAny("Listing projects");
    Response<List<ViewProject>> response = executor.execute(
        api.listProjects(query.filter(), query.sort(), query.page(), query.limit(), query.mode()));
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
    if (query == null) {
      throw new NullPointerException("query == null");
    }
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
    return executor.execute(api.getProject(projectId, null)).body();
  }

  /**
   * Finds a project by id, or by name: exactly, else ignoring case when only one project matches.
   *
   * @param nameOrId the project's id or name
   * @return the project, or empty when none matches
   * @throws IllegalStateException when several projects have that name (pass the id instead)
   */
  public Optional<ViewProject> find(String nameOrId) {
    if (nameOrId == null) {
      throw new NullPointerException("nameOrId == null");
    }
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

  /** Like {@link #find(String)}, but a missing project is a {@link NotFoundException} naming what was searched. */
  ViewProject require(String nameOrId) {
    return find(nameOrId).orElseThrow(() -> (NotFoundException) ErrorResponse.of(404, "project lookup",
        ProblemDetails.builder().status(404).title("No project is named or has the id \"" + nameOrId.trim() + "\".").build(),
        null, null, "List the projects this user can see with projects().listAll().").toException());
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

  private static List<ViewProject> named(List<ViewProject> projects, String name, boolean ignoreCase) {
    String lower = name.toLowerCase(Locale.ROOT);
    return projects.stream()
        .filter(p -> p.getName() != null
            && (ignoreCase ? p.getName().toLowerCase(Locale.ROOT).equals(lower) : p.getName().equals(name)))
        .collect(Collectors.toList());
  }
}
