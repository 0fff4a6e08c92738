package com.exceptionless.testkit;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/** Puts the fixed {@link TestAccounts} users, organization, projects and API keys into a store; stateless. */
final class SeedData {
  private SeedData() {
  }

  static TestAccounts seed(InMemoryStore store, Instant now) {
    store.addUser(new UserRecord(TestAccounts.USER_ID, TestAccounts.USER_EMAIL, TestAccounts.USER_PASSWORD,
        false));
    store.addUser(new UserRecord(TestAccounts.ADMIN_USER_ID, TestAccounts.ADMIN_EMAIL,
        TestAccounts.ADMIN_PASSWORD, true));
    store.addOrganization(new OrganizationRecord(TestAccounts.ORGANIZATION_ID, TestAccounts.ORGANIZATION_NAME,
        new LinkedHashSet<String>(Arrays.asList(TestAccounts.USER_ID, TestAccounts.ADMIN_USER_ID)), now));
    store.addProject(new ProjectRecord(TestAccounts.PROJECT_ID, TestAccounts.ORGANIZATION_ID,
        TestAccounts.PROJECT_NAME, now, 0, Collections.<String, String>emptyMap()));
    store.addProject(new ProjectRecord(TestAccounts.SECOND_PROJECT_ID, TestAccounts.ORGANIZATION_ID,
        TestAccounts.SECOND_PROJECT_NAME, now.plusMillis(1), 0, Collections.<String, String>emptyMap()));
    List<String> client = Collections.singletonList(Scopes.CLIENT);
    store.addToken(apiKey(TestAccounts.CLIENT_API_KEY, TestAccounts.PROJECT_ID, client,
        "Seeded client key", now));
    store.addToken(apiKey(TestAccounts.SECOND_PROJECT_CLIENT_API_KEY, TestAccounts.SECOND_PROJECT_ID, client,
        "Seeded client key", now.plusMillis(1)));
    store.addToken(apiKey(TestAccounts.USER_API_KEY, null, Arrays.asList(Scopes.USER, Scopes.CLIENT),
        "Seeded organization user key", now.plusMillis(2)));
    return TestAccounts.SEEDED;
  }

  private static TokenRecord apiKey(String id, String projectId, List<String> scopes, String notes, Instant at) {
    return new TokenRecord(id, TokenRecord.Type.ACCESS, TestAccounts.ORGANIZATION_ID, projectId, null, null,
        scopes, null, notes, false, false, at, at);
  }
}
