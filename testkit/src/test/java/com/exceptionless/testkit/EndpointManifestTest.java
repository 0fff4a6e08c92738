package com.exceptionless.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Compares the stand-in's policy table with the server's endpoint manifest when the shared copy is present, and
 * checks that every operation of the SDK's spec is served.
 */
class EndpointManifestTest {
  private static final Path MANIFEST = Paths.get("..", "..", "shared", "reference", "endpoint-manifest.json");
  private static final Path SPEC = Paths.get("..", "spec", "src", "main", "resources", "openapi",
      "exceptionless-api.yaml");
  private static final Pattern SPEC_LINE = Pattern.compile("^  (/api/\\S+):$|^    (get|post|put|patch|delete):$");

  static boolean manifestIsPresent() {
    return Files.isRegularFile(MANIFEST);
  }

  @Test
  @EnabledIf(value = "manifestIsPresent", disabledReason = "../shared/reference/endpoint-manifest.json is absent (it is "
      + "beside the repository in the project workspace only): route policies not compared with the server's")
  @SuppressWarnings("unchecked")
  void everyServedRouteHasTheManifestsPolicy() throws IOException {
    List<Map<String, Object>> manifest = (List<Map<String, Object>>) Http.parse(
        new String(Files.readAllBytes(MANIFEST), StandardCharsets.UTF_8).replace("\uFEFF", ""));

    try (ExceptionlessTestServer server = ExceptionlessTestServer.builder().seeded(false).start()) {
      assertThat(server.routes()).hasSize(73);
      for (Route route : server.routes()) {
        Map<String, Object> entry = manifest.stream()
            .filter(e -> route.method.equals(e.get("method")) && route.template.equals(e.get("route")))
            .findFirst().orElse(null);
        assertThat(entry).as("manifest entry for %s", route).isNotNull();
        boolean anonymous = route.policy == Policy.ANONYMOUS;
        assertThat(entry.get("allowAnonymous")).as("allowAnonymous of %s", route).isEqualTo(anonymous);
        if (!anonymous) {
          assertThat((List<Object>) entry.get("authorizationPolicies")).as("policies of %s", route)
              .containsExactly(route.policy.manifestName);
        }
      }
    }
  }

  @Test
  void everyOperationOfTheSpecIsServed() throws IOException {
    assumeTrue(Files.isRegularFile(SPEC), "the spec module is not next to testkit; skipped");
    List<String[]> operations = new ArrayList<>();
    String path = null;
    for (String line : Files.readAllLines(SPEC, StandardCharsets.UTF_8)) {
      Matcher matcher = SPEC_LINE.matcher(line);
      if (matcher.matches() && matcher.group(1) != null) {
        path = matcher.group(1);
      } else if (matcher.matches() && path != null) {
        operations.add(new String[] {matcher.group(2).toUpperCase(Locale.ROOT), path});
      }
    }
    assertThat(operations).hasSize(73);

    try (ExceptionlessTestServer server = ExceptionlessTestServer.builder().seeded(false).start()) {
      for (String[] operation : operations) {
        String concrete = operation[1].replaceAll("\\{(ids|id|organizationId|projectId|stackId)}",
            "537650f3b77efe23a47914f3").replaceAll("\\{(referenceId|sessionId)}", "reference-1")
            .replace("{email}", "demo@exceptionless.test").replace("{key}", "UserNamespaces");
        if (operation[1].startsWith("/api/v2/tokens/")) {
          concrete = operation[1].replaceAll("\\{(ids|id)}", TestAccounts.CLIENT_API_KEY);
        }
        String method = operation[0];
        String url = concrete;
        assertThat(server.routes()).as("a route for %s %s", method, operation[1])
            .anyMatch(route -> route.method.equals(method) && route.match(url) != null);
      }
    }
  }
}
