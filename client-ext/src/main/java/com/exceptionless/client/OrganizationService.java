package com.exceptionless.client;

import com.exceptionless.client.generated.api.OrganizationApi;
import com.exceptionless.client.generated.api.ProjectApi;
import com.exceptionless.client.model.NewOrganization;
import com.exceptionless.client.model.NewToken;
import com.exceptionless.client.model.ViewOrganization;
import com.exceptionless.client.model.ViewProject;
import com.exceptionless.client.model.StringValueFromBody;
import com.exceptionless.client.model.ViewToken;
import com.exceptionless.client.model.ViewUser;
import com.exceptionless.client.paging.AutoPager;
import com.exceptionless.client.paging.Page;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import retrofit2.Response;

/**
 * Organizations ({@code api/v2/organizations}): list, get, create, rename and delete them, reach
 * their projects and tokens, manage their members and invitations, and set their data. Needs the user role (token calls need a user login token). Immutable and
 * thread-safe.
 */
public final class OrganizationService {
  /** The largest page of users the server returns. */
  public static final int MAX_USER_LIMIT = 100;

  private final OrganizationApi api;
  private final ProjectApi projectApi;
  private final TokenService tokens;
  private final CallExecutor executor;
  private final CredentialCheck credentials;

  OrganizationService(OrganizationApi api, ProjectApi projectApi, TokenService tokens, CallExecutor executor,
      CredentialCheck credentials) {
    this.api = api;
    this.projectApi = projectApi;
    this.tokens = tokens;
    this.executor = executor;
    this.credentials = credentials;
  }

  /**
   * Lists the caller's organizations (the server does not page this list).
   *
   * @return the organizations
   */
  public List<ViewOrganization> list() {
    return list(null, false);
  }

  /**
   * Lists the caller's organizations that match a filter, optionally with statistics.
   *
   * @param filter a server query, or null for all
   * @param stats whether to include statistics ({@code mode=stats})
   * @return the organizations
   */
  public List<ViewOrganization> list(@Nullable String filter, boolean stats) {
    credentials.requireAny("Listing organizations");
    return executor.execute(api.listOrganizations(QueryChecks.text(filter), stats ? "stats" : null),
        CredentialCheck.USER_ROLE_NEEDED).body();
  }

  /**
   * Returns an organization.
   *
   * @param organizationId the organization id
   * @return the organization
   * @throws com.exceptionless.client.errors.NotFoundException when it does not exist or the caller is not a member
   */
  public ViewOrganization get(String organizationId) {
    Ids.objectId(organizationId, "organizationId");
    credentials.requireAny("Getting an organization");
    return executor.execute(api.getOrganization(organizationId, null), CredentialCheck.USER_ROLE_NEEDED).body();
  }

  /**
   * Creates an organization, with the caller as its owner.
   *
   * @param name the name
   * @return the created organization (201)
   * @throws com.exceptionless.client.errors.PlanLimitException (426) when the plan allows no more organizations
   */
  public ViewOrganization create(String name) {
    String checked = name(name);
    credentials.requireAny("Creating an organization");
    return executor.execute(api.createOrganization(NewOrganization.builder().name(checked).build()),
        CredentialCheck.USER_ROLE_NEEDED).body();
  }

  /**
   * Renames an organization ({@code PUT}, so it is retried like any idempotent call).
   *
   * @param organizationId the organization id
   * @param name the new name
   * @return the updated organization
   */
  public ViewOrganization update(String organizationId, String name) {
    Ids.objectId(organizationId, "organizationId");
    String checked = name(name);
    credentials.requireAny("Updating an organization");
    return executor.execute(api.replaceOrganization(organizationId, NewOrganization.builder().name(checked).build()),
        CredentialCheck.USER_ROLE_NEEDED).body();
  }

  /**
   * Deletes organizations with their projects, events and stacks (the server finishes in the background).
   * Every id is checked before anything is sent.
   *
   * @param organizationIds the organization ids
   * @return which were deleted and which failed
   * @throws com.exceptionless.client.errors.NotFoundException when none of them exists
   */
  public BulkResult delete(Collection<String> organizationIds) {
    List<String> ids = Ids.objectIds(organizationIds, "organizationIds");
    credentials.requireAny("Deleting organizations");
    return executor.executeBulk(api.deleteOrganizations(String.join(",", ids)), ids, CredentialCheck.USER_ROLE_NEEDED);
  }

  /**
   * Lists one page of an organization's projects.
   *
   * @param organizationId the organization id
   * @param query filter, sort, page, page size, statistics
   * @return the page, with the total from {@code X-Result-Count}
   */
  public Page<ViewProject> projects(String organizationId, ProjectQuery query) {
    Ids.objectId(organizationId, "organizationId");
    Objects.requireNonNull(query, "query == null");
    credentials.requireAny("Listing projects");
    Response<List<ViewProject>> response = executor.execute(projectApi.listOrganizationProjects(organizationId,
        query.filter(), query.sort(), query.page(), query.limit(), query.mode()), CredentialCheck.USER_ROLE_NEEDED);
    return Pages.numbered(response, page -> projects(organizationId, query.withPage(page)));
  }

  /**
   * Returns every project of an organization, fetched lazily (100 per page unless the query sets a limit).
   *
   * @param organizationId the organization id
   * @param query filter and sort; its page is where iteration starts
   * @return the lazy sequence
   */
  public AutoPager<ViewProject> allProjects(String organizationId, ProjectQuery query) {
    Ids.objectId(organizationId, "organizationId");
    Objects.requireNonNull(query, "query == null");
    ProjectQuery paged = query.withDefaultLimit(ProjectService.AUTO_PAGING_LIMIT);
    return AutoPager.of(() -> projects(organizationId, paged));
  }

  /**
   * Lists one page of an organization's tokens (needs a user login token).
   *
   * @param organizationId the organization id
   * @param page the page number, from 1
   * @param limit the page size, 1 to {@value TokenService#MAX_LIMIT}
   * @return the page, with the total from {@code X-Result-Count}
   */
  public Page<ViewToken> tokens(String organizationId, int page, int limit) {
    return tokens.listForOrganization(organizationId, page, limit);
  }

  /**
   * Returns every token of an organization, fetched lazily (needs a user login token).
   *
   * @param organizationId the organization id
   * @return the lazy sequence
   */
  public AutoPager<ViewToken> allTokens(String organizationId) {
    return tokens.listAllForOrganization(organizationId);
  }

  /**
   * Creates an organization-level token (no project; needs a user login token).
   *
   * @param organizationId the organization id
   * @param token scopes, notes, expiry
   * @return the created token (201); keep its id secret
   */
  public ViewToken createToken(String organizationId, NewToken token) {
    return tokens.createForOrganization(organizationId, token);
  }

  /**
   * Lists one page of an organization's members, followed by its pending invitations ({@code isInvite} true,
   * only the email address set); the {@code global} role is shown only to global administrators.
   *
   * @param organizationId the organization id
   * @param page the page number, from 1
   * @param limit the page size, 1 to {@value #MAX_USER_LIMIT}
   * @return the page, with the total from {@code X-Result-Count}
   * @throws com.exceptionless.client.errors.NotFoundException when the caller is not a member
   */
  public Page<ViewUser> users(String organizationId, int page, int limit) {
    Ids.objectId(organizationId, "organizationId");
    int checkedPage = QueryChecks.page(page);
    int checkedLimit = QueryChecks.limit(limit, MAX_USER_LIMIT);
    QueryChecks.withinSkipLimit(checkedPage, checkedLimit);
    credentials.requireAny("Listing an organization's users");
    Response<List<ViewUser>> response = executor.execute(
        api.listOrganizationUsers(organizationId, checkedPage, checkedLimit), CredentialCheck.USER_ROLE_NEEDED);
    return Pages.numbered(response, next -> users(organizationId, next, checkedLimit));
  }

  /**
   * Adds the user with this email address to the organization, or invites the address when no user has it
   * (the server mails the invitation). Adding a member again changes nothing.
   *
   * @param organizationId the organization id
   * @param emailAddress the email address
   * @throws com.exceptionless.client.errors.PlanLimitException (426) when the plan allows no more users
   */
  public void addUser(String organizationId, String emailAddress) {
    Ids.objectId(organizationId, "organizationId");
    String email = email(emailAddress);
    credentials.requireAny("Adding a user to an organization");
    executor.execute(api.addOrganizationUser(organizationId, email), CredentialCheck.USER_ROLE_NEEDED);
  }

  /**
   * Removes the member with this email address from the organization, or withdraws the invitation of that
   * address; an address that is neither changes nothing.
   *
   * @param organizationId the organization id
   * @param emailAddress the email address
   * @throws com.exceptionless.client.errors.BadRequestException when it is the organization's last member
   */
  public void removeUser(String organizationId, String emailAddress) {
    Ids.objectId(organizationId, "organizationId");
    String email = email(emailAddress);
    credentials.requireAny("Removing a user from an organization");
    executor.execute(api.removeOrganizationUser(organizationId, email), CredentialCheck.USER_ROLE_NEEDED);
  }

  /**
   * Stores a value in the organization's {@code data} (key and value are trimmed by the server).
   *
   * @param organizationId the organization id
   * @param key the key: not blank, not starting with {@code -}
   * @param value the value: not blank
   */
  public void setData(String organizationId, String key, String value) {
    Ids.objectId(organizationId, "organizationId");
    String checkedKey = DataKeys.key(key);
    String checkedValue = DataKeys.value(value);
    credentials.requireAny("Changing an organization's data");
    executor.execute(api.setOrganizationData(organizationId, checkedKey,
        StringValueFromBody.builder().value(checkedValue).build()), CredentialCheck.USER_ROLE_NEEDED);
  }

  /**
   * Removes a key from the organization's {@code data}; a key that is not there changes nothing.
   *
   * @param organizationId the organization id
   * @param key the key: not blank
   */
  public void deleteData(String organizationId, String key) {
    Ids.objectId(organizationId, "organizationId");
    String checkedKey = DataKeys.key(key);
    credentials.requireAny("Changing an organization's data");
    executor.execute(api.deleteOrganizationData(organizationId, checkedKey), CredentialCheck.USER_ROLE_NEEDED);
  }

  private static String email(String emailAddress) {
    Objects.requireNonNull(emailAddress, "emailAddress == null");
    String trimmed = emailAddress.trim();
    if (trimmed.isEmpty() || trimmed.indexOf('@') <= 0 || trimmed.indexOf('/') >= 0) {
      throw new IllegalArgumentException("emailAddress \"" + emailAddress + "\" is not an email address");
    }
    return trimmed;
  }

  private static String name(String name) {
    Objects.requireNonNull(name, "name == null");
    String trimmed = name.trim();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("name is blank: an organization needs a name");
    }
    return trimmed;
  }
}
