package com.exceptionless.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.exceptionless.spec.ConformanceChecker.Finding;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The checker's comparison rules, on small documents written here (runs even without the published document). */
class ConformanceCheckerTest {

  /** A published 3.1 document: an optional (nullable) body, allOf, union types, a number and a free-form map. */
  private static final OpenApiDocument PUBLISHED = OpenApiDocument.fromText("""
      openapi: 3.1.1
      paths:
        /things/{id}:
          post:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
              - {name: limit, in: query, schema: {type: number}}
            requestBody:
              content:
                application/json:
                  schema:
                    oneOf: [{type: 'null'}, {$ref: '#/components/schemas/NewThing'}]
            responses:
              '200':
                content:
                  application/json:
                    schema: {type: array, items: {$ref: '#/components/schemas/Thing'}}
      components:
        schemas:
          NewThing:
            type: object
            properties:
              name: {type: ['null', string]}
              tags: {type: array, items: {type: string}}
          Thing:
            allOf:
              - $ref: '#/components/schemas/NewThing'
              - type: object
                properties:
                  count: {type: integer}
                  weight: {type: number}
                  owner: {type: object, properties: {id: {type: string}}}
                  data: {type: ['null', object], additionalProperties: {}}
      """);

  @Test
  void aSpecThatSaysLessThanThePublishedDocumentConforms() {
    assertThat(findings("""
        openapi: 3.0.3
        paths:
          /things/{id}:
            post:
              parameters:
                - {name: id, in: path, required: true, schema: {$ref: '#/components/schemas/Id'}}
                - {name: limit, in: query, schema: {type: integer}}
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      nullable: true
                      properties:
                        name: {type: string, nullable: true}
                        tags: {type: array, items: {type: string, enum: [a, b]}}
              responses:
                '200':
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          properties:
                            weight: {type: integer}
                            owner: {type: object, properties: {id: {type: string}}}
                            data: {type: object, properties: {anything: {type: string}}}
        components:
          schemas:
            Id: {type: string, pattern: '^[a-z]+$'}
        """))
        .as("integer fits number, nullable fits a union with null, oneOf null|$ref and allOf are resolved, "
            + "a free-form published object takes any property")
        .isEmpty();
  }

  @Test
  void aMissingOrMistypedPropertyIsReportedWhereverItIs() {
    assertThat(findings("""
        openapi: 3.0.3
        paths:
          /things/{id}:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        tag: {type: string}
              responses:
                '200':
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          type: object
                          properties:
                            count: {type: number}
                            owner: {type: object, properties: {identifier: {type: string}}}
        """)).containsExactly(
        "POST /things/{id} requestBody[application/json].tag: property 'tag' is not in the published schema NewThing",
        "POST /things/{id} responses.200[application/json][].count: type [number] does not fit the published type [integer]",
        "POST /things/{id} responses.200[application/json][].owner.identifier: property 'identifier' is not in the published schema");
  }

  @Test
  void parametersStatusesMediaTypesAndOperationsAreReported() {
    assertThat(findings("""
        openapi: 3.0.3
        paths:
          /things/{id}:
            post:
              parameters:
                - {name: limit, in: header, schema: {type: integer}}
                - {name: id, in: path, required: true, schema: {type: integer}}
              requestBody:
                content:
                  text/plain:
                    schema: {type: string}
              responses:
                '200':
                  content:
                    application/xml:
                      schema: {type: string}
                '404':
                  description: Not found.
            delete:
              responses:
                '204':
                  description: Deleted.
        """)).containsExactly(
        "POST /things/{id} parameters.header.limit: parameter 'limit' in header is not declared by the published"
            + " operation (it declares 'limit' in query)",
        "POST /things/{id} parameters.path.id: parameter 'id': type [integer] does not fit the published type [string]",
        "POST /things/{id} requestBody[text/plain]: the published operation accepts no text/plain body (it accepts [application/json])",
        "POST /things/{id} responses.200[application/xml]: the published 200 response has no application/xml content"
            + " (it has [application/json])",
        "POST /things/{id} responses.404: status 404 is not declared by the published operation (it declares [200])",
        "DELETE /things/{id}: the published document has no such operation");
  }

  private static List<String> findings(String ours) {
    List<Finding> findings = ConformanceChecker.check(OpenApiDocument.fromText(ours), PUBLISHED);
    return findings.stream().map(Finding::toString).collect(Collectors.toList());
  }
}
