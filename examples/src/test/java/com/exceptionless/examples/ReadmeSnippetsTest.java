package com.exceptionless.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.exceptionless.testkit.ExceptionlessTestServer;
import com.exceptionless.testkit.ReceivedEvent;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's code blocks marked {@code <!-- snippet: name -->} are the compiled example code, word for word; those
 * marked {@code <!-- program: Name -->} compile and run as they stand; those marked {@code <!-- config: file -->} are the
 * examples' configuration file of that name.
 */
class ReadmeSnippetsTest {
  private static final Pattern README_SNIPPET = Pattern.compile("<!-- snippet: (\\w+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern README_PROGRAM = Pattern.compile("<!-- program: (\\w+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern README_CONFIG = Pattern.compile("<!-- config: ([\\w.-]+) -->\\s*```xml\\n(.*?)```", Pattern.DOTALL);
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

    assertThat(checked).contains("workflow", "paging", "errors", "reporting", "tokens", "stacks", "markfixed", "readback",
        "logback", "log4j2");
  }

  @Test
  void everyReadmeConfigurationFileIsTheExamplesFile() {
    String readme = read(Paths.get("..", "README.md"));
    Matcher config = README_CONFIG.matcher(readme);
    List<String> checked = new ArrayList<>();
    while (config.find()) {
      String file = read(Paths.get("src", "main", "resources", config.group(1)));
      assertThat(config.group(2).trim()).as("README configuration " + config.group(1)).isEqualTo(file.trim());
      checked.add(config.group(1));
    }
    assertThat(checked).contains("logback-example.xml", "log4j2-example.xml");
  }

  /**
   * Each README block marked {@code <!-- program: Name -->} is a whole compilation unit that a reader pastes
   * into an empty project: it is compiled here on its own, for Java 8, against the SDK's jars, and run against
   * the stand-in server; a program with a {@code main} in a JVM of its own with the environment a reader sets,
   * a test class by calling its test methods.
   */
  @Test
  void everyWholeProgramInTheReadmeCompilesAndRuns(@TempDir Path classes) throws Exception {
    String readme = read(Paths.get("..", "README.md"));
    Matcher program = README_PROGRAM.matcher(readme);
    List<String> ran = new ArrayList<>();
    while (program.find()) {
      String name = program.group(1);
      compile(name, program.group(2), classes.resolve(name));
      if (program.group(2).contains("public static void main(String[] args)")) {
        runMain(name, classes.resolve(name));
      } else {
        runTestMethods(name, classes.resolve(name));
      }
      ran.add(name);
    }

    assertThat(ran).containsExactly("QuickStart", "MyTest");
  }

  private static void compile(String name, String source, Path output) throws IOException {
    Path sources = Files.createDirectories(output.resolveSibling(name + "-src"));
    Files.createDirectories(output);
    Path file = Files.write(sources.resolve(name + ".java"), source.getBytes(StandardCharsets.UTF_8));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter messages = new StringWriter();
    List<String> options = Arrays.asList("--release", "8", "-Xlint:-options", "-classpath", testClassPath(),
        "-d", output.toString());
    boolean compiled;
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      compiled = javac.getTask(messages, files, null, options, null, files.getJavaFileObjects(file.toFile())).call();
    }
    assertThat(compiled).as("README program %s compiles:%n%s", name, messages).isTrue();
  }

  private static void runMain(String name, Path classes) throws Exception {
    try (ExceptionlessTestServer server = ExceptionlessTestServer.start()) {
      ProcessBuilder java = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", classes + File.pathSeparator + testClassPath(), name)
          .redirectErrorStream(true);
      Map<String, String> env = java.environment();
      env.keySet().removeIf(key -> key.startsWith("EXCEPTIONLESS_"));
      env.put("EXCEPTIONLESS_SERVER_URL", server.baseUrl());
      env.put("EXCEPTIONLESS_API_KEY", server.accounts().clientApiKey());
      Process process = java.start();
      process.getOutputStream().close();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s ends", name).isTrue();
      assertThat(process.exitValue()).as("exit code of %s; output:%n%s", name, output).isZero();

      assertThat(output).contains("Reporter: submitted 1, accepted 1, pending 0, discarded 0");
      List<ReceivedEvent> events = server.awaitEvents(1, Duration.ofSeconds(5));
      assertThat(events).hasSize(1);
      assertThat(events.get(0).type()).isEqualTo("error");
      assertThat(events.get(0).json().toString()).contains("java.lang.NumberFormatException", "quick-start");
    }
  }

  private static void runTestMethods(String name, Path classes) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ReadmeSnippetsTest.class.getClassLoader())) {
      Class<?> type = Class.forName(name, true, loader);
      Constructor<?> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      Object instance = constructor.newInstance();
      int ran = 0;
      for (Method method : type.getDeclaredMethods()) {
        if (method.isAnnotationPresent(Test.class)) {
          method.setAccessible(true);
          try (ExceptionlessTestServer server = ExceptionlessTestServer.start()) {
            method.invoke(instance, server);
            assertThat(server.receivedEvents()).as("events %s.%s sent", name, method.getName()).isNotEmpty();
          }
          ran++;
        }
      }
      assertThat(ran).as("test methods in %s", name).isPositive();
    }
  }

  private static String testClassPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
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
