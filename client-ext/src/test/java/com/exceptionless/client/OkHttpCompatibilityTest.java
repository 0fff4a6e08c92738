package com.exceptionless.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which OkHttp the SDK runs on, and the message a consumer gets on OkHttp 3. */
class OkHttpCompatibilityTest {
  /** okhttp-4.12.0.jar, okhttp-jvm-5.5.1.jar: the jars the isolated class loader leaves out. */
  private static final Pattern OKHTTP_JAR = Pattern.compile("okhttp(-jvm)?-\\d[^" + Pattern.quote(File.separator) + "]*\\.jar");

  @Test
  void readsTheVersionOfTheOkHttpThatIsLoadedNotTheOneCompiledAgainst() {
    String expected = System.getProperty("test.okhttp.version");
    assumeThat(expected).as("test.okhttp.version is set by the Maven build (surefire), not in an IDE run").isNotNull();

    // 4.12.0 by default; 4.9.3 with -Pokhttp49 and 5.x with -Pokhttp5, which swap the jar on the test class path.
    assertThat(OkHttpCompatibility.versionOnClassPath()).isEqualTo(expected);
    assertThatCode(OkHttpCompatibility::check).doesNotThrowAnyException();
  }

  @Test
  void acceptsOkHttp4And5AndRefusesOkHttp3NamingTheVersionAndTheFix() {
    assertThatCode(() -> OkHttpCompatibility.check("4.9.3")).doesNotThrowAnyException();
    assertThatCode(() -> OkHttpCompatibility.check("4.12.0")).doesNotThrowAnyException();
    assertThatCode(() -> OkHttpCompatibility.check("5.5.1")).doesNotThrowAnyException();
    assertThatCode(() -> OkHttpCompatibility.check(null)).doesNotThrowAnyException();

    assertThatThrownBy(() -> OkHttpCompatibility.check("3.14.9"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("OkHttp 3.14.9 is on the class path")
        .hasMessageContaining("exclude com.squareup.okhttp3:okhttp from Retrofit 2 or use Retrofit 3");
    assertThat(OkHttpCompatibility.majorVersion("3.12.13")).isEqualTo(3);
    assertThat(OkHttpCompatibility.majorVersion("5.0.0-alpha.17")).isEqualTo(5);
  }

  @Test
  void onARealOkHttp3ClassPathBuildingAClientOrAReporterFailsAtOnce() throws Exception {
    String legacyJar = System.getProperty("test.okhttp3.jar");
    assumeThat(legacyJar).as("test.okhttp3.jar is set by the Maven build (surefire), not in an IDE run").isNotNull();
    String legacyVersion = System.getProperty("test.okhttp3.version");

    try (URLClassLoader consumer = classPathWith(new File(legacyJar))) {
      Class<?> compatibility = Class.forName(OkHttpCompatibility.class.getName(), true, consumer);
      assertThat(compatibility.getClassLoader()).isSameAs(consumer);
      java.lang.reflect.Method version = compatibility.getDeclaredMethod("versionOnClassPath");
      version.setAccessible(true);
      assertThat(version.invoke(null)).isEqualTo(legacyVersion);

      Object client = call(Class.forName(ExceptionlessClient.class.getName(), true, consumer), null, "builder");
      call(client.getClass(), client, "serverUrl", "http://localhost:5000");
      assertThat(failureOf(client, "build"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("OkHttp " + legacyVersion + " is on the class path")
          .hasMessageContaining("use Retrofit 3");

      Object reporter = call(Class.forName("com.exceptionless.client.reporting.ExceptionlessReporter", true, consumer),
          null, "builder");
      call(reporter.getClass(), reporter, "serverUrl", "http://localhost:5000");
      call(reporter.getClass(), reporter, "apiKey", "LhhP1C9gijpSKCslHHCvwdSIz298twx271nTest0");
      assertThat(failureOf(reporter, "build"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("OkHttp " + legacyVersion + " is on the class path");
    }
  }

  /** The test class path with the OkHttp jar replaced, in a loader that does not delegate to the test's. */
  private static URLClassLoader classPathWith(File okHttpJar) throws MalformedURLException {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    urls.add(okHttpJar.toURI().toURL());
    int replaced = 0;
    for (String entry : classPath.split(Pattern.quote(File.pathSeparator))) {
      File file = new File(entry);
      if (OKHTTP_JAR.matcher(file.getName()).matches()) {
        replaced++;
      } else {
        urls.add(file.toURI().toURL());
      }
    }
    assertThat(replaced).as("OkHttp jars on the test class path %s", classPath).isEqualTo(1);
    return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
  }

  private static Object call(Class<?> type, Object target, String method, String... args) throws Exception {
    Class<?>[] types = new Class<?>[args.length];
    java.util.Arrays.fill(types, String.class);
    return type.getMethod(method, types).invoke(target, (Object[]) args);
  }

  private static Throwable failureOf(Object builder, String method) throws Exception {
    try {
      builder.getClass().getMethod(method).invoke(builder);
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
    throw new AssertionError(method + "() did not fail");
  }
}
