package com.exceptionless.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Compares the stand-in's policy table with the server's endpoint manifest when the shared copy is present. */
class EndpointManifestTest {
  private static final Path MANIFEST = Paths.get("..", "..", "shared", "reference", "endpoint-manifest.json");

  @Test
  @SuppressWarnings("unchecked")
  void everyServedRouteHasTheManifestsPolicy() throws IOException {
    assumeTrue(Files.isRegularFile(MANIFEST), "endpoint-manifest.json not found next to the repository; skipped");
    List<Map<String, Object>> manifest = (List<Map<String, Object>>) Http.parse(
        new String(Files.readAllBytes(MANIFEST), StandardCharsets.UTF_8).replace("\uFEFF", ""));

    try (ExceptionlessTestServer server = ExceptionlessTestServer.builder().seeded(false).start()) {
      assertThat(server.routes()).hasSize(15);
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
}
