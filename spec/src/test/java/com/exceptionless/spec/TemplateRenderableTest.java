package com.exceptionless.spec;

import static com.exceptionless.spec.OpenApiDocument.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The model templates of client-generated ({@code client-generated/src/main/templates/model.mustache} and
 * {@code moshiClass.mustache}) replace the generator's stock pojo template: they render a schema's flattened
 * properties and nothing else. This refuses what they would drop silently: a discriminator, {@code anyOf}, a
 * {@code oneOf} other than the raw request bodies listed here, an {@code allOf} that inherits from more than one
 * schema, and a {@code default} on a model property.
 */
class TemplateRenderableTest {
  /** Schemas only ever sent as a raw body ({@code Object} in the Retrofit interface), never rendered as a model. */
  private static final Set<String> RAW_BODY_ONE_OF = Set.of("components/schemas/EventSubmission");

  private static final String FIX = ": the model templates (client-generated/src/main/templates/model.mustache,"
      + " moshiClass.mustache) cannot render it and would drop it silently; express it with plain properties,"
      + " or teach the templates first";

  @Test
  void theSpecUsesOnlyWhatTheModelTemplatesRender() {
    assertThat(violations(OpenApiDocument.ours().root)).isEmpty();
  }

  @Test
  void eachConstructTheTemplatesCannotRenderIsRefusedWithAPointerToTheTemplates() {
    String spec = String.join("\n",
        "openapi: 3.0.3",
        "components:",
        "  schemas:",
        "    Pet:",
        "      type: object",
        "      discriminator:",
        "        propertyName: kind",
        "    Either:",
        "      anyOf: [{type: string}, {type: integer}]",
        "    OneOf:",
        "      oneOf: [{type: string}, {type: integer}]",
        "    Both:",
        "      allOf: [{$ref: '#/components/schemas/Pet'}, {$ref: '#/components/schemas/OneOf'}]",
        "    WithDefault:",
        "      type: object",
        "      properties:",
        "        size:",
        "          type: integer",
        "          default: 3");

    List<String> found = violations(OpenApiDocument.fromText(spec).root);

    assertThat(found).hasSize(5).allSatisfy(v -> assertThat(v).contains("model.mustache"));
    assertThat(String.join("\n", found)).contains("components/schemas/Pet: discriminator",
        "components/schemas/Either: anyOf", "components/schemas/OneOf: oneOf", "components/schemas/Both: allOf",
        "components/schemas/WithDefault/properties/size: default");
  }

  private static List<String> violations(Map<String, Object> root) {
    List<String> found = new ArrayList<>();
    Map<String, Object> schemas = map(map(root.get("components")).get("schemas"));
    for (Map.Entry<String, Object> schema : schemas.entrySet()) {
      walk("components/schemas/" + schema.getKey(), schema.getValue(), found);
    }
    return found;
  }

  private static void walk(String path, Object node, List<String> found) {
    if (!(node instanceof Map)) {
      if (node instanceof List) {
        List<?> items = (List<?>) node;
        for (int i = 0; i < items.size(); i++) {
          walk(path + "/" + i, items.get(i), found);
        }
      }
      return;
    }
    Map<String, Object> schema = map(node);
    if (schema.containsKey("discriminator")) {
      found.add(path + ": discriminator" + FIX);
    }
    if (schema.containsKey("anyOf")) {
      found.add(path + ": anyOf" + FIX);
    }
    if (schema.containsKey("oneOf") && !RAW_BODY_ONE_OF.contains(path)) {
      found.add(path + ": oneOf" + FIX);
    }
    if (schema.containsKey("allOf")) {
      long refs = ((List<?>) schema.get("allOf")).stream().filter(part -> part instanceof Map && map(part).containsKey("$ref")).count();
      if (refs > 1) {
        found.add(path + ": allOf of " + refs + " schemas" + FIX);
      }
    }
    if (path.contains("/properties/") && schema.containsKey("default")) {
      found.add(path + ": default" + FIX);
    }
    for (Map.Entry<String, Object> child : schema.entrySet()) {
      if (!child.getKey().equals("example") && !child.getKey().equals("examples")) {
        walk(path + "/" + child.getKey(), child.getValue(), found);
      }
    }
  }
}
