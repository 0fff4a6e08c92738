package com.exceptionless.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's code blocks marked {@code <!-- snippet: name -->} are the compiled example code, word for word. */
class ReadmeSnippetsTest {
  private static final Pattern README_SNIPPET = Pattern.compile("<!-- snippet: (\\w+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern SOURCE_REGION = Pattern.compile("// README: (\\w+)\\n(.*?)\\n\\s*// README: end", Pattern.DOTALL);

  @Test
  void everyReadmeSnippetMatchesItsExampleRegion() throws IOException {
    String readme = read(Paths.get("..", "README.md"));
    List<String> sources;
    try (Stream<Path> files = Files.walk(Paths.get("src", "main", "java"))) {
      sources = files.filter(p -> p.toString().endsWith(".java")).map(ReadmeSnippetsTest::read).collect(Collectors.toList());
    }
    List<String> checked = new ArrayList<>();

    Matcher snippet = README_SNIPPET.matcher(readme);
    while (snippet.find()) {
      String name = snippet.group(1);
      String region = sources.stream()
          .map(SOURCE_REGION::matcher)
          .flatMap(m -> {
            List<String> found = new ArrayList<>();
            while (m.find()) {
              if (m.group(1).equals(name)) {
                found.add(m.group(2));
              }
            }
            return found.stream();
          })
          .findFirst()
          .orElseThrow(() -> new AssertionError("No '// README: " + name + "' region in the examples"));
      assertThat(snippet.group(2).trim()).as("README snippet '" + name + "'").isEqualTo(dedent(region).trim());
      checked.add(name);
    }

    assertThat(checked).contains("workflow", "paging", "errors", "reporting", "tokens", "stacks", "markfixed", "readback");
  }

  private static String dedent(String code) {
    List<String> lines = code.lines().collect(Collectors.toList());
    int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
  }

  private static String read(Path path) {
    try {
      return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
