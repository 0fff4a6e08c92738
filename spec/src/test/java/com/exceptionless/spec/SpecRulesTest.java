package com.exceptionless.spec;

import static com.exceptionless.spec.OpenApiDocument.list;
import static com.exceptionless.spec.OpenApiDocument.map;
import static com.exceptionless.spec.OpenApiDocument.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.exceptionless.spec.OpenApiDocument.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** House rules for our spec, checked until a real OpenAPI linter runs in the build. */
class SpecRulesTest {

  private static final OpenApiDocument SPEC = OpenApiDocument.ours();

  /** The only operation anyone may call without a credential. */
  private static final String ANONYMOUS_OPERATION = "login";

  /** GETs ThrottlingMiddleware never throttles (contract notes §4.7), so they must not declare 429. */
  private static final Set<String> RATE_LIMIT_EXEMPT = Set.of(
      "GET /api/v2/projects/config", "GET /api/v2/events/session/heartbeat");

  /** Paged lists whose answers never carry X-Result-Count (contract notes §4.6: stacks never send it). */
  private static final Set<String> PAGED_WITHOUT_RESULT_COUNT = Set.of(
      "listStacks", "listOrganizationStacks", "listProjectStacks");

  /** 201 answers that create nothing, so have no Location (check-name answers 201 for "name taken", §2.3). */
  private static final Set<String> CREATED_WITHOUT_LOCATION = Set.of("checkProjectName");

  /** The properties that hold a credential; exactly these are {@code format: password} (masked in logs and docs). */
  private static final Set<String> SECRETS = Set.of(
      "components/schemas/ViewToken/properties/id",
      "components/schemas/TokenResult/properties/token",
      "components/schemas/Login/properties/password");

  private static final String PROBLEM_JSON = "application/problem+json";

  @Test
  void everyOperationHasAUniqueCamelCaseOperationId() {
    List<String> violations = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Operation op : SPEC.operations()) {
      if (!op.id().matches("[a-z][a-zA-Z0-9]*")) {
        violations.add(op.label() + ": operationId '" + op.id() + "' is missing or not camelCase");
      } else if (!seen.add(op.id())) {
        violations.add(op.label() + ": operationId '" + op.id() + "' is used twice");
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyOperationHasExactlyOneDeclaredTag() {
    Set<Object> declared = list(SPEC.root.get("tags")).stream().map(t -> map(t).get("name")).collect(Collectors.toSet());
    List<String> violations = new ArrayList<>();
    for (Operation op : SPEC.operations()) {
      List<Object> tags = list(op.node().get("tags"));
      if (tags.size() != 1 || !declared.contains(tags.get(0))) {
        violations.add(op.label() + ": tags " + tags + " must be exactly one of " + declared);
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyOperationHasASummaryAndADescription() {
    List<String> violations = new ArrayList<>();
    for (Operation op : SPEC.operations()) {
      for (String field : List.of("summary", "description")) {
        if (text(op.node().get(field)).isBlank()) {
          violations.add(op.label() + ": no " + field);
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void securityIsGlobalBearerAndOnlyLoginOptsOut() {
    assertThat(SPEC.root.get("security")).as("global security").isEqualTo(List.of(Map.of("Bearer", List.of())));
    assertThat(map(map(SPEC.root.get("components")).get("securitySchemes"))).containsKey("Bearer");

    Map<String, Object> overrides = SPEC.operations().stream().filter(op -> op.node().containsKey("security"))
        .collect(Collectors.toMap(Operation::id, op -> op.node().get("security")));
    assertThat(overrides).as("operations overriding the global security").isEqualTo(Map.of(ANONYMOUS_OPERATION, List.of()));
  }

  @Test
  void everySecuredOperationDeclares401And429UnlessExemptFromRateLimiting() {
    List<String> violations = new ArrayList<>();
    for (Operation op : SPEC.operations()) {
      if (op.node().containsKey("security") && list(op.node().get("security")).isEmpty()) {
        continue;
      }
      Map<String, Object> responses = map(op.node().get("responses"));
      if (!responses.containsKey("401")) {
        violations.add(op.label() + ": no 401");
      }
      boolean exempt = RATE_LIMIT_EXEMPT.contains(routeOf(op));
      if (responses.containsKey("429") == exempt) {
        violations.add(op.label() + (exempt ? ": declares 429 but is exempt from rate limiting" : ": no 429"));
      }
    }
    assertThat(violations).isEmpty();
    assertThat(SPEC.operations().stream().map(SpecRulesTest::routeOf))
        .as("rate-limit exempt routes exist in the spec").containsAll(RATE_LIMIT_EXEMPT);
  }

  @Test
  void every201ResponseDeclaresALocationHeader() {
    List<String> violations = new ArrayList<>();
    for (Operation op : SPEC.operations()) {
      Map<String, Object> created = response(op, "201");
      boolean hasLocation = map(created.get("headers")).containsKey("Location");
      if (!created.isEmpty() && hasLocation == CREATED_WITHOUT_LOCATION.contains(op.id())) {
        violations.add(op.label() + (hasLocation ? ": 201 creates nothing, yet declares Location" : ": 201 without a Location header"));
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyPagedListDeclaresLinkAndResultCountOn200() {
    List<String> violations = new ArrayList<>();
    for (Operation op : SPEC.operations()) {
      boolean paged = SPEC.parameters(op).stream().anyMatch(p -> "page".equals(p.get("name")) && "query".equals(p.get("in")));
      if (paged) {
        Set<String> headers = map(response(op, "200").get("headers")).keySet();
        boolean countExpected = !PAGED_WITHOUT_RESULT_COUNT.contains(op.id());
        if (!headers.contains("Link") || headers.contains("X-Result-Count") != countExpected) {
          violations.add(op.label() + ": paged, but its 200 headers are " + headers
              + (countExpected ? "" : " (this list never sends X-Result-Count)"));
        }
      }
    }
    assertThat(violations).isEmpty();
    assertThat(SPEC.operations().stream().map(Operation::id)).as("lists without a count exist in the spec")
        .containsAll(PAGED_WITHOUT_RESULT_COUNT).containsAll(CREATED_WITHOUT_LOCATION);
  }

  @Test
  void everyErrorResponseIsProblemJson() {
    List<String> violations = new ArrayList<>();
    for (Operation op : SPEC.operations()) {
      for (String status : map(op.node().get("responses")).keySet()) {
        if (!status.matches("[45]\\d\\d")) {
          continue;
        }
        Map<String, Object> content = map(response(op, status).get("content"));
        if (!content.containsKey(PROBLEM_JSON)) {
          violations.add(op.label() + " " + status + ": no " + PROBLEM_JSON + " content");
        }
        for (Map.Entry<String, Object> media : content.entrySet()) {
          if (!media.getKey().equals(PROBLEM_JSON) && !isBulkDeleteResults(op, status, media)) {
            violations.add(op.label() + " " + status + ": " + media.getKey() + " is not " + PROBLEM_JSON);
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyBulkDeleteOffersModelActionResultsOn400() {
    List<String> violations = new ArrayList<>();
    for (Operation op : SPEC.operations()) {
      if (isBulkDelete(op)
          && map(response(op, "400").get("content")).entrySet().stream().noneMatch(m -> isBulkDeleteResults(op, "400", m))) {
        violations.add(op.label() + ": its 400 must offer application/json ModelActionResults (contract notes §4.2)");
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyComponentSchemaHasADescriptionAndAnExample() {
    List<String> violations = new ArrayList<>();
    map(map(SPEC.root.get("components")).get("schemas")).forEach((name, node) -> {
      Map<String, Object> schema = map(node);
      if (text(schema.get("description")).isBlank()) {
        violations.add(name + ": no description");
      }
      if (!schema.containsKey("example")) {
        violations.add(name + ": no example");
      }
    });
    assertThat(violations).isEmpty();
  }

  @Test
  void passwordFormatMarksExactlyTheSecrets() {
    Set<String> passwords = new HashSet<>();
    collectPasswordFormats(SPEC.root, "", passwords);
    assertThat(passwords).as("schemas with format: password").containsExactlyInAnyOrderElementsOf(SECRETS);
  }

  private static void collectPasswordFormats(Object node, String path, Set<String> found) {
    if (node instanceof Map) {
      Map<String, Object> map = map(node);
      if ("password".equals(map.get("format"))) {
        found.add(path);
      }
      map.forEach((key, value) -> collectPasswordFormats(value, path.isEmpty() ? key : path + "/" + key, found));
    } else if (node instanceof List) {
      List<Object> items = list(node);
      for (int i = 0; i < items.size(); i++) {
        collectPasswordFormats(items.get(i), path + "/" + i, found);
      }
    }
  }

  /** The documented exception to problem+json: a bulk delete's 400 may also be an application/json ModelActionResults. */
  private static boolean isBulkDeleteResults(Operation op, String status, Map.Entry<String, Object> media) {
    return isBulkDelete(op) && "400".equals(status) && "application/json".equals(media.getKey())
        && "ModelActionResults".equals(OpenApiDocument.refName(map(media.getValue()).get("schema")));
  }

  private static boolean isBulkDelete(Operation op) {
    return "delete".equals(op.method()) && op.path().endsWith("{ids}");
  }

  private static Map<String, Object> response(Operation op, String status) {
    return SPEC.resolve(map(op.node().get("responses")).get(status));
  }

  private static String routeOf(Operation op) {
    return op.method().toUpperCase(java.util.Locale.ROOT) + " " + op.path();
  }
}
