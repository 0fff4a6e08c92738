package com.exceptionless.client;

import com.exceptionless.client.generated.api.StackApi;
import com.exceptionless.client.model.Stack;
import com.exceptionless.client.model.StackStatus;
import com.exceptionless.client.model.StackSummary;
import com.exceptionless.client.model.StringValueFromBody;
import com.exceptionless.client.paging.AutoPager;
import com.exceptionless.client.paging.Page;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Stacks ({@code api/v2/stacks}), the groups of similar events: list and read them, mark them fixed,
 * snoozed or critical, change their status, link them to issues, promote and delete them. Needs the user
 * role. Actions on several stacks take a collection of ids, checked before anything is sent, and report
 * partial failure as a {@link BulkResult}. Immutable and thread-safe.
 *
 * <p>The server answers the status actions (mark fixed, snooze, critical, change status) on several ids
 * with a plain 200 as long as one stack was visible, and applies them to the visible ones only: their
 * {@link BulkResult} then lists every id as succeeded. Deletes report each id that failed.
 */
public final class StackService {
  /** Page size used when walking every stack. */
  static final int AUTO_PAGING_LIMIT = StackQuery.MAX_LIMIT;

  private final StackApi api;
  private final CallExecutor executor;
  private final CredentialCheck credentials;
  private final SummaryReader summaries;

  StackService(StackApi api, CallExecutor executor, CredentialCheck credentials, SummaryReader summaries) {
    this.api = api;
    this.executor = executor;
    this.credentials = credentials;
    this.summaries = summaries;
  }

  /**
   * Lists one page of stacks. The server sends no total for stacks, and pages by number through the first
   * 1,000 stacks only (see {@link Page#skipLimitReached()}).
   *
   * @param query where, filter, sort, time range, page and page size
   * @return the page
   */
  public Page<Stack> list(StackQuery query) {
    checkQuery(query);
    credentials.requireAny("Listing stacks");
    Response<List<Stack>> response = executor.execute(listCall(query, null), CredentialCheck.USER_ROLE_NEEDED);
    return Pages.numbered(response, page -> list(query.withPage(page)));
  }

  /**
   * Returns every stack matching the query, fetched lazily page by page (100 per page unless the query sets
   * a limit); throws {@link com.exceptionless.client.errors.SkipLimitException} rather than stop silently
   * when more than the server's 1,000 reachable stacks match.
   *
   * @param query where, filter, sort and time range; its page is where iteration starts
   * @return the lazy sequence
   */
  public AutoPager<Stack> listAll(StackQuery query) {
    checkQuery(query);
    StackQuery paged = query.withDefaultLimit(AUTO_PAGING_LIMIT);
    return AutoPager.of(() -> list(paged));
  }

  /**
   * Lists one page of stack summaries ({@code mode=summary}): title, status, occurrence counts and users,
   * as the dashboard shows them.
   *
   * @param query where, filter, sort, time range, page and page size
   * @return the page
   */
  public Page<StackSummary> listSummaries(StackQuery query) {
    checkQuery(query);
    credentials.requireAny("Listing stacks");
    Call<List<StackSummary>> call = summaries.listOf(listCall(query, "summary"), StackSummary.class);
    Response<List<StackSummary>> response = executor.execute(call, CredentialCheck.USER_ROLE_NEEDED);
    return Pages.numbered(response, page -> listSummaries(query.withPage(page)));
  }

  /**
   * Returns a stack.
   *
   * @param stackId the stack id
   * @return the stack
   * @throws com.exceptionless.client.errors.NotFoundException when it does not exist or the caller cannot see it
   */
  public Stack get(String stackId) {
    Ids.objectId(stackId, "stackId");
    credentials.requireAny("Getting a stack");
    return executor.execute(api.getStack(stackId, null), CredentialCheck.USER_ROLE_NEEDED).body();
  }

  /**
   * Marks stacks fixed; a later occurrence in a newer version reopens them as regressed.
   *
   * @param stackIds the stack ids
   * @param version the version the fix ships in (for example {@code 1.2.3}), or null for "now"
   * @return which stacks were marked and which failed
   */
  public BulkResult markFixed(Collection<String> stackIds, @Nullable String version) {
    List<String> ids = Ids.objectIds(stackIds, "stackIds");
    if (version != null && version.trim().isEmpty()) {
      throw new IllegalArgumentException("version is blank: pass a version such as 1.2.3, or null");
    }
    credentials.requireAny("Marking stacks fixed");
    return executor.executeBulk(api.markStacksFixed(join(ids), version == null ? null : version.trim()), ids,
        CredentialCheck.USER_ROLE_NEEDED);
  }

  /**
   * Snoozes stacks until a time: their events are not notified about until then.
   *
   * @param stackIds the stack ids
   * @param until when the snooze ends; must be in the future
   * @return which stacks were snoozed and which failed
   */
  public BulkResult snooze(Collection<String> stackIds, OffsetDateTime until) {
    List<String> ids = Ids.objectIds(stackIds, "stackIds");
    Objects.requireNonNull(until, "until == null");
    if (!until.isAfter(OffsetDateTime.now(until.getOffset()))) {
      throw new IllegalArgumentException("until (" + until + ") is not in the future: a snooze must end later than now");
    }
    credentials.requireAny("Snoozing stacks");
    return executor.executeBulk(api.snoozeStacks(join(ids), until), ids, CredentialCheck.USER_ROLE_NEEDED);
  }

  /**
   * Marks stacks critical: every occurrence is notified about.
   *
   * @param stackIds the stack ids
   * @return which stacks were marked and which failed
   */
  public BulkResult markCritical(Collection<String> stackIds) {
    List<String> ids = Ids.objectIds(stackIds, "stackIds");
    credentials.requireAny("Marking stacks critical");
    return executor.executeBulk(api.markStacksCritical(join(ids)), ids, CredentialCheck.USER_ROLE_NEEDED);
  }

  /**
   * Marks stacks not critical.
   *
   * @param stackIds the stack ids
   * @return which stacks were changed and which failed
   */
  public BulkResult unmarkCritical(Collection<String> stackIds) {
    List<String> ids = Ids.objectIds(stackIds, "stackIds");
    credentials.requireAny("Marking stacks not critical");
    return executor.executeBulk(api.unmarkStacksCritical(join(ids)), ids, CredentialCheck.USER_ROLE_NEEDED);
  }

  /**
   * Sets the status of stacks.
   *
   * @param stackIds the stack ids
   * @param status the new status
   * @return which stacks were changed and which failed
   */
  public BulkResult changeStatus(Collection<String> stackIds, StackStatus status) {
    List<String> ids = Ids.objectIds(stackIds, "stackIds");
    Objects.requireNonNull(status, "status == null");
    if (status == StackStatus.UNKNOWN_DEFAULT_OPEN_API) {
      throw new IllegalArgumentException("status UNKNOWN_DEFAULT_OPEN_API only stands for values this SDK could not read:"
          + " use OPEN, FIXED, REGRESSED, SNOOZED, IGNORED or DISCARDED");
    }
    credentials.requireAny("Changing the status of stacks");
    return executor.executeBulk(api.changeStacksStatus(join(ids), status), ids, CredentialCheck.USER_ROLE_NEEDED);
  }

  /**
   * Adds a link (an issue tracker URL, say) to a stack.
   *
   * @param stackId the stack id
   * @param url an absolute http or https URL
   */
  public void addLink(String stackId, String url) {
    Ids.objectId(stackId, "stackId");
    String checked = link(url);
    credentials.requireAny("Adding a stack link");
    executor.execute(api.addStackLink(stackId, StringValueFromBody.builder().value(checked).build()),
        CredentialCheck.USER_ROLE_NEEDED);
  }

  /**
   * Removes a link from a stack.
   *
   * @param stackId the stack id
   * @param url the link, as it was added
   */
  public void removeLink(String stackId, String url) {
    Ids.objectId(stackId, "stackId");
    String checked = link(url);
    credentials.requireAny("Removing a stack link");
    executor.execute(api.removeStackLink(stackId, StringValueFromBody.builder().value(checked).build()),
        CredentialCheck.USER_ROLE_NEEDED);
  }

  /**
   * Promotes a stack to the project's integrations (web hooks), as the dashboard's "Promote to External" does.
   *
   * @param stackId the stack id
   * @throws com.exceptionless.client.errors.PlanLimitException (426) when the plan has no integrations
   * @throws com.exceptionless.client.errors.ServerErrorException (501) when the project has no promotion web hook
   */
  public void promote(String stackId) {
    Ids.objectId(stackId, "stackId");
    credentials.requireAny("Promoting a stack");
    executor.execute(api.promoteStack(stackId), CredentialCheck.USER_ROLE_NEEDED);
  }

  /**
   * Deletes stacks with their events (the server finishes in the background).
   *
   * @param stackIds the stack ids
   * @return which stacks were deleted and which failed
   * @throws com.exceptionless.client.errors.NotFoundException when none of them exists
   */
  public BulkResult delete(Collection<String> stackIds) {
    List<String> ids = Ids.objectIds(stackIds, "stackIds");
    credentials.requireAny("Deleting stacks");
    return executor.executeBulk(api.deleteStacks(join(ids)), ids, CredentialCheck.USER_ROLE_NEEDED);
  }

  private Call<List<Stack>> listCall(StackQuery q, String mode) {
    switch (q.scope().kind()) {
      case ORGANIZATION:
        return api.listOrganizationStacks(q.scope().id(), q.filter(), q.sort(), q.time(), q.offset(), mode, q.page(), q.limit());
      case PROJECT:
        return api.listProjectStacks(q.scope().id(), q.filter(), q.sort(), q.time(), q.offset(), mode, q.page(), q.limit());
      default:
        return api.listStacks(q.filter(), q.sort(), q.time(), q.offset(), mode, q.page(), q.limit());
    }
  }

  private static void checkQuery(StackQuery query) {
    Objects.requireNonNull(query, "query == null");
  }

  private static String join(List<String> ids) {
    return String.join(",", ids);
  }

  private static String link(String url) {
    Objects.requireNonNull(url, "url == null");
    HttpUrl parsed = HttpUrl.parse(url.trim());
    if (parsed == null) {
      throw new IllegalArgumentException("url \"" + url + "\" is not an absolute http or https URL");
    }
    return url.trim();
  }
}
