package com.exceptionless.client;

import com.exceptionless.client.generated.api.TokenApi;
import com.exceptionless.client.model.NewToken;
import com.exceptionless.client.model.TokenScope;
import com.exceptionless.client.model.UpdateToken;
import com.exceptionless.client.model.ViewProject;
import com.exceptionless.client.model.ViewToken;
import com.exceptionless.client.paging.AutoPager;
import com.exceptionless.client.paging.Page;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Response;

/**
 * API tokens (keys) of projects and organizations: create, list, get, update, replace, disable and delete them. Every call needs a
 * user login token; the server answers 403 to any API key. Token ids are the keys themselves: the SDK
 * never puts one in a message or a log line. Immutable and thread-safe.
 */
public final class TokenService {
  /** The server's largest page size for tokens. */
  public static final int MAX_LIMIT = 100;

  private final TokenApi api;
  private final CallExecutor executor;
  private final CredentialCheck credentials;
  private final ProjectService projects;
  private final Clock clock;

  TokenService(TokenApi api, CallExecutor executor, CredentialCheck credentials, ProjectService projects, Clock clock) {
    this.api = api;
    this.executor = executor;
    this.credentials = credentials;
    this.projects = projects;
    this.clock = clock;
  }

  /**
   * Creates a token for a project. The project's organization and id are filled in (the server's
   * published contract requires both); scopes default to {@code client} on the server.
   *
   * @param project the project
   * @param token scopes, notes, expiry
   * @return the created token (201); keep its id secret
   */
  public ViewToken create(ViewProject project, NewToken token) {
    Objects.requireNonNull(project, "project == null");
    Objects.requireNonNull(token, "token == null");
    Ids.objectId(project.getId(), "project.id");
    Ids.objectId(project.getOrganizationId(), "project.organizationId");
    checkScopes(token);
    credentials.requireUserToken("Creating a token");
    NewToken body = token.toBuilder()
        .organizationId(project.getOrganizationId())
        .projectId(project.getId())
        .build();
    return executor.execute(api.createProjectToken(project.getId(), body), CredentialCheck.TOKEN_MANAGEMENT_NEEDS_LOGIN).body();
  }

  /**
   * Creates a token with {@code POST api/v2/tokens}: the body names the project (required; the server
   * answers 400 without it) and, optionally, the organization, which the server takes from the project.
   *
   * @param token the project id, scopes, notes, expiry
   * @return the created token (201); keep its id secret
   */
  public ViewToken create(NewToken token) {
    Objects.requireNonNull(token, "token == null");
    if (token.getProjectId() == null) {
      throw new IllegalArgumentException("token.projectId is required by POST api/v2/tokens: set it, or use"
          + " create(project, token) or organizations().createToken(organizationId, token) for an organization token");
    }
    Ids.objectId(token.getProjectId(), "token.projectId");
    if (token.getOrganizationId() != null) {
      Ids.objectId(token.getOrganizationId(), "token.organizationId");
    }
    checkScopes(token);
    credentials.requireUserToken("Creating a token");
    return executor.execute(api.createToken(token), CredentialCheck.TOKEN_MANAGEMENT_NEEDS_LOGIN).body();
  }

  /**
   * Creates an organization-level token (no project): {@code POST api/v2/organizations/{organizationId}/tokens}.
   *
   * @param organizationId the organization id
   * @param token scopes, notes, expiry (the organization id is filled in, the project id left out)
   * @return the created token (201); keep its id secret
   */
  public ViewToken createForOrganization(String organizationId, NewToken token) {
    Ids.objectId(organizationId, "organizationId");
    Objects.requireNonNull(token, "token == null");
    if (token.getProjectId() != null) {
      throw new IllegalArgumentException("token.projectId is set, but an organization token has no project:"
          + " use create(project, token) for a project token");
    }
    checkScopes(token);
    credentials.requireUserToken("Creating a token");
    NewToken body = token.toBuilder().organizationId(organizationId).build();
    return executor.execute(api.createOrganizationToken(organizationId, body), CredentialCheck.TOKEN_MANAGEMENT_NEEDS_LOGIN)
        .body();
  }

  /**
   * Lists one page of an organization's tokens, oldest first.
   *
   * @param organizationId the organization id
   * @param page the page number, from 1
   * @param limit the page size, 1 to {@value #MAX_LIMIT}
   * @return the page, with the total from {@code X-Result-Count}
   */
  public Page<ViewToken> listForOrganization(String organizationId, int page, int limit) {
    Ids.objectId(organizationId, "organizationId");
    return tokenPage(page, limit, () -> api.listOrganizationTokens(organizationId, page, limit),
        next -> listForOrganization(organizationId, next, limit));
  }

  /**
   * Returns every token of an organization, fetched lazily page by page.
   *
   * @param organizationId the organization id
   * @return the lazy sequence
   */
  public AutoPager<ViewToken> listAllForOrganization(String organizationId) {
    Ids.objectId(organizationId, "organizationId");
    return AutoPager.of(() -> listForOrganization(organizationId, 1, MAX_LIMIT));
  }

  /**
   * Creates a token with only the {@code client} scope: what an application needs to submit events.
   *
   * @param project the project
   * @param notes what the token is for, or null
   * @return the created token; keep its id secret
   */
  public ViewToken createClientToken(ViewProject project, @Nullable String notes) {
    return create(project, NewToken.builder().addScopesItem(TokenScope.CLIENT).notes(notes).build());
  }

  /**
   * Creates a client token for a project given by id (reads the project first for its organization).
   *
   * @param projectId the project id
   * @param notes what the token is for, or null
   * @return the created token; keep its id secret
   */
  public ViewToken createClientToken(String projectId, @Nullable String notes) {
    credentials.requireUserToken("Creating a token");
    return createClientToken(projects.get(projectId), notes);
  }

  /**
   * Lists one page of a project's tokens, oldest first.
   *
   * @param projectId the project id
   * @param page the page number, from 1
   * @param limit the page size, 1 to {@value #MAX_LIMIT}
   * @return the page, with the total from {@code X-Result-Count}
   */
  public Page<ViewToken> list(String projectId, int page, int limit) {
    Ids.objectId(projectId, "projectId");
    return tokenPage(page, limit, () -> api.listProjectTokens(projectId, page, limit), next -> list(projectId, next, limit));
  }

  /** Checks the page request, then runs the list call; {@code nextPage} loads the page the next link names. */
  private Page<ViewToken> tokenPage(int page, int limit, Supplier<Call<List<ViewToken>>> call,
      IntFunction<Page<ViewToken>> nextPage) {
    QueryChecks.page(page);
    QueryChecks.limit(limit, MAX_LIMIT);
    QueryChecks.withinSkipLimit(page, limit);
    credentials.requireUserToken("Listing tokens");
    Response<List<ViewToken>> response = executor.execute(call.get(), CredentialCheck.TOKEN_MANAGEMENT_NEEDS_LOGIN);
    return Pages.numbered(response, nextPage);
  }

  /**
   * Returns every token of a project, fetched lazily page by page.
   *
   * @param projectId the project id
   * @return the lazy sequence
   */
  public AutoPager<ViewToken> listAll(String projectId) {
    Ids.objectId(projectId, "projectId");
    return AutoPager.of(() -> list(projectId, 1, MAX_LIMIT));
  }

  /**
   * Returns the project's default token (its first client-scoped one); the server creates it when the
   * project has none.
   *
   * @param projectId the project id
   * @return the token; keep its id secret
   */
  public ViewToken getDefault(String projectId) {
    Ids.objectId(projectId, "projectId");
    credentials.requireUserToken("Getting the default token");
    return executor.execute(api.getProjectDefaultToken(projectId), CredentialCheck.TOKEN_MANAGEMENT_NEEDS_LOGIN).body();
  }

  /**
   * Finds an enabled, unexpired token of the project whose only scope is {@code client}.
   *
   * @param projectId the project id
   * @return the oldest such token, or empty
   */
  public Optional<ViewToken> findReusableClientToken(String projectId) {
    OffsetDateTime soon = OffsetDateTime.now(clock).plusMinutes(5);
    for (ViewToken token : listAll(projectId)) {
      boolean clientOnly = token.getScopes() != null && token.getScopes().equals(Collections.singleton(TokenScope.CLIENT));
      boolean usable = !Boolean.TRUE.equals(token.getIsDisabled()) && !Boolean.TRUE.equals(token.getIsSuspended())
          && (token.getExpiresUtc() == null || token.getExpiresUtc().isAfter(soon));
      if (clientOnly && usable && projectId.equals(token.getProjectId())) {
        return Optional.of(token);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns a token.
   *
   * @param tokenId the token id
   * @return the token
   */
  public ViewToken get(String tokenId) {
    Ids.tokenId(tokenId, "tokenId");
    credentials.requireUserToken("Getting a token");
    return executor.execute(api.getToken(tokenId), CredentialCheck.TOKEN_MANAGEMENT_NEEDS_LOGIN).body();
  }

  /**
   * Changes a token's notes or disabled flag; properties left null are not changed.
   *
   * @param tokenId the token id
   * @param changes the changes
   * @return the updated token
   */
  public ViewToken update(String tokenId, UpdateToken changes) {
    Ids.tokenId(tokenId, "tokenId");
    Objects.requireNonNull(changes, "changes == null");
    credentials.requireUserToken("Updating a token");
    return executor.execute(api.updateToken(tokenId, changes), CredentialCheck.TOKEN_MANAGEMENT_NEEDS_LOGIN).body();
  }

  /**
   * Replaces a token's notes and disabled flag ({@code PUT}); the server applies the properties present,
   * like {@link #update(String, UpdateToken)}, but PUT is retried on failures where PATCH is not.
   *
   * @param tokenId the token id
   * @param token the new notes and disabled flag
   * @return the updated token
   */
  public ViewToken replace(String tokenId, UpdateToken token) {
    Ids.tokenId(tokenId, "tokenId");
    Objects.requireNonNull(token, "token == null");
    credentials.requireUserToken("Replacing a token");
    return executor.execute(api.replaceToken(tokenId, token), CredentialCheck.TOKEN_MANAGEMENT_NEEDS_LOGIN).body();
  }

  /**
   * Disables a token; requests authenticated with it then fail with 401.
   *
   * @param tokenId the token id
   * @return the updated token
   */
  public ViewToken disable(String tokenId) {
    return update(tokenId, UpdateToken.builder().isDisabled(true).build());
  }

  /**
   * Enables a disabled token.
   *
   * @param tokenId the token id
   * @return the updated token
   */
  public ViewToken enable(String tokenId) {
    return update(tokenId, UpdateToken.builder().isDisabled(false).build());
  }

  /**
   * Deletes tokens. Every id is checked before anything is sent.
   *
   * @param tokenIds the token ids
   * @return which were deleted and which failed (the server deletes the others when some fail)
   * @throws com.exceptionless.client.errors.NotFoundException when none of them exists
   */
  public BulkResult delete(Collection<String> tokenIds) {
    List<String> ids = Ids.tokenIds(tokenIds, "tokenIds");
    credentials.requireUserToken("Deleting tokens");
    return executor.executeBulk(api.deleteTokens(String.join(",", ids)), ids, CredentialCheck.TOKEN_MANAGEMENT_NEEDS_LOGIN);
  }

  private static void checkScopes(NewToken token) {
    if (token.getScopes() != null && token.getScopes().contains(TokenScope.UNKNOWN_DEFAULT_OPEN_API)) {
      throw new IllegalArgumentException("scopes contains UNKNOWN_DEFAULT_OPEN_API, which only stands for values this SDK"
          + " could not read: use CLIENT, USER, GLOBAL or SOURCE_MAPS_WRITE");
    }
  }
}
