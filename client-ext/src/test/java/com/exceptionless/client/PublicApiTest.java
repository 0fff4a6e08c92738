package com.exceptionless.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.errors.ExceptionlessServiceException;
import com.exceptionless.client.errors.NotFoundException;
import com.exceptionless.client.errors.RateLimitedException;
import com.exceptionless.client.errors.ServerErrorException;
import com.exceptionless.client.model.ProblemDetails;
import com.exceptionless.client.model.ViewToken;
import com.exceptionless.client.paging.Page;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What users see of the SDK: nullness declared everywhere, and nothing public that only the SDK itself calls. */
class PublicApiTest {
  @Test
  void everyPackageOfTheClientThatHasPublicClassesIsNullMarked() throws Exception {
    Set<String> packages = publicClasses().stream().map(Class::getPackage).map(Package::getName)
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(packages).contains("com.exceptionless.client", "com.exceptionless.client.errors",
        "com.exceptionless.client.paging", "com.exceptionless.client.json", "com.exceptionless.client.reporting",
        "com.exceptionless.client.internal");
    for (String name : packages) {
      assertThat(load(name + ".package-info").isAnnotationPresent(NullMarked.class))
          .as("package %s declares @NullMarked in its package-info.java", name)
          .isTrue();
    }
  }

  @Test
  void generatedModelsMarkOptionalAndNullablePropertiesNullableAndNoOthers() throws Exception {
    assertThat(ViewToken.class.isAnnotationPresent(NullMarked.class)).isTrue();

    assertThat(returnsNullable(ViewToken.class, "getNotes")).as("optional and nullable").isTrue();
    assertThat(returnsNullable(ViewToken.class, "getOrganizationId")).as("optional").isTrue();
    assertThat(returnsNullable(ViewToken.class, "getId")).as("required").isFalse();
    assertThat(ViewToken.Builder.class.getMethod("notes", String.class).getAnnotatedParameterTypes()[0]
        .isAnnotationPresent(Nullable.class)).isTrue();
  }

  @Test
  void serviceExceptionsAreBuiltOnlyThroughTheirBuilderWhichPicksTheTypeByStatus() throws Exception {
    for (Class<?> type : publicClasses()) {
      if (ExceptionlessServiceException.class.isAssignableFrom(type)) {
        assertThat(type.getConstructors()).as("public constructors of %s", type.getSimpleName()).isEmpty();
      }
    }
    assertThat(Modifier.isPublic(Class.forName("com.exceptionless.client.errors.ErrorResponse").getModifiers())).isFalse();

    ExceptionlessServiceException notFound = ExceptionlessServiceException.builder().statusCode(404)
        .request("GET api/v2/projects/{id}")
        .problem(ProblemDetails.builder().status(404).title("No such project.").build())
        .build();
    ExceptionlessServiceException limited = ExceptionlessServiceException.builder().statusCode(429)
        .request("GET api/v2/events").headers(Collections.singletonMap("retry-after", Arrays.asList("7"))).build();
    ExceptionlessServiceException failed = ExceptionlessServiceException.builder().statusCode(503)
        .request("GET api/v2/events").referenceId(" abc123 ").build();

    assertThat(notFound).isInstanceOf(NotFoundException.class)
        .hasMessageStartingWith("404 Not Found on GET api/v2/projects/{id}: No such project.");
    assertThat(limited).isInstanceOf(RateLimitedException.class);
    assertThat(limited.retryAfter()).hasValue(Duration.ofSeconds(7));
    assertThat(((ServerErrorException) failed).referenceId()).hasValue("abc123");
    assertThatThrownBy(() -> ExceptionlessServiceException.builder().statusCode(404).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("request is not set");
    assertThatThrownBy(() -> ExceptionlessServiceException.builder().statusCode(200))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("statusCode must be 300 to 999, but was 200");
  }

  @Test
  void pagesAreAnInterfaceWithoutFactoriesAndTheLinkParserIsNotPublic() {
    assertThat(Page.class.isInterface()).isTrue();
    assertThat(Page.class.getMethods()).noneMatch(method -> Modifier.isStatic(method.getModifiers()));
    assertThat(publicClasses()).extracting(Class::getSimpleName)
        .doesNotContain("LinkHeader", "ListPage", "ErrorResponse", "HttpStack", "QueryParameters");
  }

  private static boolean returnsNullable(Class<?> type, String getter) throws NoSuchMethodException {
    return type.getMethod(getter).getAnnotatedReturnType().isAnnotationPresent(Nullable.class);
  }

  /** The public top-level classes of the client's jar (its classes folder when the tests run). */
  private static List<Class<?>> publicClasses() {
    try {
      Path root = Paths.get(ExceptionlessClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      try (Stream<Path> files = Files.walk(root)) {
        return files.map(root::relativize).map(Path::toString)
            .filter(name -> name.endsWith(".class") && !name.contains("$") && !name.endsWith("package-info.class"))
            .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
            .map(PublicApiTest::load)
            .filter(type -> Modifier.isPublic(type.getModifiers()))
            .collect(Collectors.toList());
      }
    } catch (IOException | URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, PublicApiTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
