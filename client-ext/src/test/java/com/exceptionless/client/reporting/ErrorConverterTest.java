package com.exceptionless.client.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.exceptionless.client.json.ExceptionlessMoshi;
import com.exceptionless.client.model.ErrorInfo;
import com.exceptionless.client.model.InnerError;
import com.exceptionless.client.model.StackFrame;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

class ErrorConverterTest {
  private final Moshi moshi = ExceptionlessMoshi.create();
  private final DataExclusions noExclusions = new DataExclusions(Collections.<String>emptyList(), Collections.<String>emptyList());
  private final ErrorConverter converter = new ErrorConverter(false, new ModuleCatalog(""));

  @Test
  void nestsTheCauseChainSoTheRootCauseIsInnermost() {
    ErrorInfo error = converter.convert(threeLevels(), noExclusions);

    assertThat(error.getType()).isEqualTo("java.lang.IllegalStateException");
    assertThat(error.getMessage()).isEqualTo("Order 42 could not be placed");
    assertThat(error.getInner().getType()).isEqualTo("java.io.UncheckedIOException");
    assertThat(error.getInner().getInner().getType()).isEqualTo("java.io.IOException");
    assertThat(error.getInner().getInner().getInner().getType()).isEqualTo("java.sql.SQLException");
    assertThat(error.getInner().getInner().getInner().getInner()).isNull();
  }

  @Test
  void leavesOutTheBottomFramesACauseSharesWithItsEnclosingTraceButKeepsItsTop() {
    ErrorInfo error = converter.convert(threeLevels(), noExclusions);
    InnerError cause = error.getInner();

    assertThat(error.getStackTrace()).hasSize(threeLevels().getStackTrace().length);
    assertThat(cause.getStackTrace()).isNotEmpty().hasSizeLessThan(error.getStackTrace().size());
    assertThat(cause.getData()).containsEntry("frames_in_common",
        threeLevels().getCause().getStackTrace().length - cause.getStackTrace().size());
    assertThat(ErrorConverter.framesInCommon(new StackTraceElement[] {frameAt(1), frameAt(9)},
        new StackTraceElement[] {frameAt(2), frameAt(9)})).isEqualTo(1);
    assertThat(ErrorConverter.framesInCommon(new StackTraceElement[] {frameAt(9)}, new StackTraceElement[] {frameAt(9)}))
        .as("the top frame is always kept").isZero();
  }

  private static StackTraceElement frameAt(int line) {
    return new StackTraceElement("com.acme.App", "run", "App.java", line);
  }

  @Test
  void splitsFramesIntoPackageAndClassAndKeepsLineAndFile() {
    StackFrame frame = ErrorConverter.frame(new StackTraceElement("com.acme.orders.OrderService$Saver", "save", "OrderService.java", 87));

    assertThat(frame.getDeclaringNamespace()).isEqualTo("com.acme.orders");
    assertThat(frame.getDeclaringType()).isEqualTo("OrderService$Saver");
    assertThat(frame.getName()).isEqualTo("save");
    assertThat(frame.getFileName()).isEqualTo("OrderService.java");
    assertThat(frame.getLineNumber()).isEqualTo(87);
    assertThat(ErrorConverter.frame(new StackTraceElement("Main", "main", null, -2)).getDeclaringNamespace()).isNull();
  }

  @Test
  void usesADefaultMessageAndTheBinaryNameOfAnonymousClasses() {
    Throwable anonymous = new RuntimeException() { };

    ErrorInfo error = converter.convert(anonymous, noExclusions);

    assertThat(error.getType()).isEqualTo(anonymous.getClass().getName()).contains("$");
    assertThat(error.getMessage()).isEqualTo("Exception of type '" + anonymous.getClass().getName() + "' was thrown.");
  }

  @Test
  void survivesCauseCyclesAndCapsTheDepth() {
    Exception first = new Exception("first");
    Exception second = new Exception("second", first);
    first.initCause(second);
    RuntimeException deep = new RuntimeException("0");
    for (int i = 1; i < 60; i++) {
      deep = new RuntimeException(String.valueOf(i), deep);
    }

    ErrorInfo cyclic = converter.convert(first, noExclusions);
    ErrorInfo capped = converter.convert(deep, noExclusions);

    assertThat(cyclic.getInner().getMessage()).isEqualTo("second");
    assertThat(cyclic.getInner().getInner()).isNull();
    int depth = 0;
    for (InnerError inner = capped.getInner(); inner != null; inner = inner.getInner()) {
      depth++;
    }
    assertThat(depth).isEqualTo(ErrorConverter.MAX_CAUSES);
  }

  @Test
  void putsExtraExceptionPropertiesInExtWithExclusionsApplied() {
    SQLException sql = new SQLException("Deadlock", "40001", 1213);

    ErrorInfo error = converter.convert(sql, noExclusions);
    ErrorInfo excluded = converter.convert(sql, new DataExclusions(Collections.singletonList("*state*"), Collections.<String>emptyList()));

    assertThat(ext(error)).containsEntry("SQLState", "40001").containsEntry("ErrorCode", 1213).doesNotContainKey("Message");
    assertThat(ext(excluded)).containsEntry("ErrorCode", 1213).doesNotContainKey("SQLState");
  }

  @Test
  void keepsSuppressedExceptions() {
    IllegalStateException primary = new IllegalStateException("primary");
    primary.addSuppressed(new IOException("closing failed"));

    ErrorInfo error = converter.convert(primary, noExclusions);

    @SuppressWarnings("unchecked")
    List<InnerError> suppressed = (List<InnerError>) error.getData().get("suppressed");
    assertThat(suppressed).extracting(InnerError::getMessage).containsExactly("closing failed");
  }

  @Test
  void listsTheClassPathJarsOnTheRootErrorOnlyWhenAsked() {
    String classPath = System.getProperty("java.class.path");
    ErrorInfo withModules = new ErrorConverter(true, new ModuleCatalog(classPath)).convert(threeLevels(), noExclusions);

    assertThat(withModules.getModules()).isNotEmpty()
        .anySatisfy(module -> assertThat(module.getName()).startsWith("moshi"))
        .allSatisfy(module -> assertThat(module.getName()).doesNotEndWith(".jar"));
    assertThat(converter.convert(threeLevels(), noExclusions).getModules()).isNull();
  }

  private static final Path SEARCH_SAMPLES = Paths.get("..", "..", "shared", "reference", "samples", "Search", "Data");

  static boolean searchSamplesArePresent() {
    return Files.isDirectory(SEARCH_SAMPLES);
  }

  @Test
  @EnabledIf(value = "searchSamplesArePresent", disabledReason = "../shared/reference/samples is absent (it is beside "
      + "the repository in the project workspace only): @error shape not compared with the server's samples")
  void writesOnlyPropertiesTheServerKnowsInSnakeCase() throws IOException {
    Path samples = SEARCH_SAMPLES;
    Set<String> known = new HashSet<>(Arrays.asList("file_name", "modules", "version", "is_entry", "created_date", "modified_date"));
    try (DirectoryStream<Path> files = Files.newDirectoryStream(samples, "event*.json")) {
      for (Path file : files) {
        Map<?, ?> event = (Map<?, ?>) moshi.adapter(Object.class).fromJson(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\uFEFF", ""));
        Object data = event.get("data");
        if (data instanceof Map && ((Map<?, ?>) data).get("@error") != null) {
          collectKeys(((Map<?, ?>) data).get("@error"), known);
        }
      }
    }
    Set<String> ours = new HashSet<>();
    collectKeys(moshi.adapter(Object.class).fromJson(moshi.adapter(ErrorInfo.class).toJson(
        new ErrorConverter(true, new ModuleCatalog(System.getProperty("java.class.path"))).convert(threeLevels(), noExclusions))), ours);

    assertThat(known).contains("stack_trace", "declaring_namespace", "declaring_type", "line_number", "inner");
    assertThat(ours).isSubsetOf(known).contains("stack_trace", "declaring_namespace", "declaring_type", "inner", "modules");
  }

  @Test
  void survivesAThrowableWhoseGettersAndMessageThrow() throws IOException {
    HostileException hostile = new HostileException();

    ErrorInfo error = converter.convert(hostile, noExclusions);

    assertThat(error.getType()).isEqualTo(HostileException.class.getName());
    assertThat(error.getMessage()).isEqualTo("[getMessage() threw java.lang.IllegalStateException]");
    assertThat(error.getStackTrace()).isEmpty();
    assertThat(error.getInner()).isNull();
    assertThat(ext(error)).containsEntry("Ratio", "NaN").containsEntry("Limit", "-Infinity")
        .containsEntry("Text", "[toString() threw java.lang.IllegalStateException]").doesNotContainKey("Broken");
    assertThat(moshi.adapter(ErrorInfo.class).toJson(error)).doesNotContain("NaN,").contains("\"NaN\"");
  }

  @Test
  void cutsHugeMessagesLikeTheEventsMessage() {
    char[] chars = new char[10_000_000];
    Arrays.fill(chars, 'm');
    String huge = new String(chars);

    ErrorInfo error = converter.convert(new IllegalStateException(huge, new IOException(huge)), noExclusions);

    assertThat(error.getMessage()).hasSize(ErrorConverter.MAX_MESSAGE_LENGTH).endsWith("m\u2026");
    assertThat(error.getInner().getMessage()).hasSize(ErrorConverter.MAX_MESSAGE_LENGTH);
  }

  @Test
  void survivesSuppressedCyclesAndBoundsHowManyThrowablesAreConverted() {
    Exception first = new Exception("first");
    Exception second = new Exception("second");
    first.addSuppressed(second);
    second.addSuppressed(first);
    second.initCause(first);
    Exception wide = new Exception("wide");
    Exception chain = wide;
    for (int i = 0; i < 10_000; i++) {
      Exception next = new Exception("suppressed " + i);
      for (int j = 0; j < 3; j++) {
        chain.addSuppressed(new Exception("sibling " + i + "." + j));
      }
      chain.addSuppressed(next);
      chain = next;
    }

    ErrorInfo cyclic = converter.convert(first, noExclusions);
    ErrorInfo bounded = converter.convert(wide, noExclusions);

    assertThat(suppressed(cyclic.getData())).extracting(InnerError::getMessage).containsExactly("second");
    assertThat(suppressed(suppressed(cyclic.getData()).get(0).getData())).isNull();
    assertThat(countThrowables(bounded.getData())).isLessThanOrEqualTo(ErrorConverter.MAX_THROWABLES);
  }

  @SuppressWarnings("unchecked")
  private static List<InnerError> suppressed(Map<String, Object> data) {
    return data == null ? null : (List<InnerError>) data.get("suppressed");
  }

  private static int countThrowables(Map<String, Object> data) {
    int count = 1;
    List<InnerError> suppressed = suppressed(data);
    if (suppressed != null) {
      for (InnerError inner : suppressed) {
        count += countThrowables(inner.getData());
      }
    }
    return count;
  }

  /** A throwable whose every overridable method throws, with getters that throw or return what JSON cannot hold. */
  public static final class HostileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @Override
    public String getMessage() {
      throw new IllegalStateException("no message");
    }

    @Override
    public synchronized Throwable getCause() {
      throw new IllegalStateException("no cause");
    }

    @Override
    public StackTraceElement[] getStackTrace() {
      throw new IllegalStateException("no trace");
    }

    @Override
    public String toString() {
      throw new IllegalStateException("no text");
    }

    public double getRatio() {
      return Double.NaN;
    }

    public Float getLimit() {
      return Float.NEGATIVE_INFINITY;
    }

    public Number getText() {
      return new java.math.BigDecimal("1") {
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
          throw new IllegalStateException("no text");
        }
      };
    }

    public String getBroken() {
      throw new UnsupportedOperationException("broken getter");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> ext(ErrorInfo error) {
    return (Map<String, Object>) error.getData().get("@ext");
  }

  private static void collectKeys(Object json, Set<String> keys) {
    if (json instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) json).entrySet()) {
        keys.add(String.valueOf(entry.getKey()));
        if (!"data".equals(entry.getKey())) {
          collectKeys(entry.getValue(), keys);
        }
      }
    } else if (json instanceof List) {
      for (Object item : (List<?>) json) {
        collectKeys(item, keys);
      }
    }
  }

  static RuntimeException threeLevels() {
    SQLException root = new SQLException("Deadlock found when trying to get lock", "40001", 1213);
    return new IllegalStateException("Order 42 could not be placed",
        new UncheckedIOException(new IOException("Saving order 42 failed", root)));
  }
}
