package com.exceptionless.client.reporting;

import com.exceptionless.client.model.ErrorInfo;
import com.exceptionless.client.model.InnerError;
import com.exceptionless.client.model.Module;
import com.exceptionless.client.model.StackFrame;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a {@link Throwable} into the {@code @error} shape the server groups by.
 *
 * <ul>
 *   <li>{@code type} is {@link Class#getName()}; {@code message} the throwable's message, or
 *       {@code "Exception of type '<type>' was thrown."} when it has none.</li>
 *   <li>Each stack frame splits the class into {@code declaring_namespace} (the package) and
 *       {@code declaring_type} (the class name within its package, nested classes written with {@code $} as
 *       in Java stack traces, for example {@code Outer$Inner}).</li>
 *   <li>The cause chain becomes nested {@code inner} errors (cycle-safe, at most {@value #MAX_CAUSES} deep), so
 *       the server groups by the root cause; suppressed exceptions go in {@code data.suppressed}. A cause leaves
 *       out the bottom frames it shares with the trace that encloses it, as {@code printStackTrace} does.</li>
 *   <li>Extra bean properties of the exception (for example {@code SQLException}'s SQL state and error code)
 *       go in {@code data["@ext"]}, data exclusions applied.</li>
 *   <li>{@code modules}, the jars of the class path, are on the root error only, when enabled.</li>
 * </ul>
 * Thread-safe.
 */
final class ErrorConverter {
  static final int MAX_CAUSES = 20;
  static final int MAX_FRAMES = 100;
  static final int MAX_SUPPRESSED = 10;

  private final boolean includeModules;
  private final ModuleCatalog modules;
  private final Map<Class<?>, List<Method>> propertiesByClass = new ConcurrentHashMap<>();
  /** Frames repeat across errors (the same code paths fail again); their immutable conversions are shared. */
  private final Map<StackTraceElement, StackFrame> frameCache = new ConcurrentHashMap<>();

  ErrorConverter(boolean includeModules, ModuleCatalog modules) {
    this.includeModules = includeModules;
    this.modules = modules;
  }

  ErrorInfo convert(Throwable error, DataExclusions exclusions) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(error);
    Throwable cause = error.getCause();
    StackTraceElement[] trace = error.getStackTrace();
    return ErrorInfo.builder()
        .type(error.getClass().getName())
        .message(message(error))
        .data(data(error, exclusions, seen, 0))
        .stackTrace(frames(trace, trace.length))
        .inner(cause != null && seen.add(cause) ? inner(cause, trace, exclusions, seen, 1) : null)
        .modules(includeModules ? modules.modules() : null)
        .build();
  }

  /**
   * Converts a cause. Like {@link Throwable#printStackTrace()}, the frames it shares with the enclosing
   * trace at the bottom are left out (their count is in {@code data.frames_in_common}); the top frames,
   * which the server's signature uses, are always kept.
   */
  private InnerError inner(Throwable error, StackTraceElement[] enclosing, DataExclusions exclusions, Set<Throwable> seen,
      int depth) {
    Throwable cause = error.getCause();
    boolean goDeeper = cause != null && depth < MAX_CAUSES && seen.add(cause);
    StackTraceElement[] trace = error.getStackTrace();
    int inCommon = framesInCommon(trace, enclosing);
    return InnerError.builder()
        .type(error.getClass().getName())
        .message(message(error))
        .data(data(error, exclusions, seen, inCommon))
        .stackTrace(frames(trace, trace.length - inCommon))
        .inner(goDeeper ? inner(cause, trace, exclusions, seen, depth + 1) : null)
        .build();
  }

  static int framesInCommon(StackTraceElement[] trace, StackTraceElement[] enclosing) {
    int m = trace.length - 1;
    int n = enclosing.length - 1;
    while (m > 0 && n >= 0 && trace[m].equals(enclosing[n])) {
      m--;
      n--;
    }
    return trace.length - 1 - m;
  }

  static String message(Throwable error) {
    String message = error.getMessage();
    return message != null ? message : "Exception of type '" + error.getClass().getName() + "' was thrown.";
  }

  private List<StackFrame> frames(StackTraceElement[] elements, int kept) {
    int count = Math.min(kept, MAX_FRAMES);
    if (frameCache.size() > 10_000) {
      frameCache.clear();
    }
    List<StackFrame> frames = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      frames.add(frameCache.computeIfAbsent(elements[i], ErrorConverter::frame));
    }
    return frames;
  }

  static StackFrame frame(StackTraceElement element) {
    String className = element.getClassName();
    int dot = className.lastIndexOf('.');
    StackFrame.Builder frame = StackFrame.builder()
        .declaringNamespace(dot > 0 ? className.substring(0, dot) : null)
        .declaringType(dot > 0 ? className.substring(dot + 1) : className)
        .name(element.getMethodName())
        .fileName(element.getFileName());
    if (element.getLineNumber() >= 0) {
      frame.lineNumber(element.getLineNumber());
    }
    return frame.build();
  }

  private Map<String, Object> data(Throwable error, DataExclusions exclusions, Set<Throwable> seen, int framesInCommon) {
    Map<String, Object> data = new LinkedHashMap<>();
    if (framesInCommon > 0) {
      data.put("frames_in_common", framesInCommon);
    }
    Map<String, Object> properties = exclusions.apply(properties(error));
    if (!properties.isEmpty()) {
      data.put("@ext", properties);
    }
    Throwable[] suppressed = error.getSuppressed();
    if (suppressed.length > 0) {
      List<InnerError> kept = new ArrayList<>();
      for (int i = 0; i < suppressed.length && i < MAX_SUPPRESSED; i++) {
        if (seen.add(suppressed[i])) {
          kept.add(inner(suppressed[i], error.getStackTrace(), exclusions, seen, MAX_CAUSES - 1));
        }
      }
      if (!kept.isEmpty()) {
        data.put("suppressed", kept);
      }
    }
    return data.isEmpty() ? null : data;
  }

  /** The values of the public getters the exception's own classes add to {@link Throwable}'s. */
  private Map<String, Object> properties(Throwable error) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Method getter : propertiesByClass.computeIfAbsent(error.getClass(), ErrorConverter::getters)) {
      try {
        Object value = getter.invoke(error);
        if (value != null) {
          values.put(propertyName(getter.getName()), EventBuilder.plain(value, EventBuilder.MAX_DATA_DEPTH));
        }
      } catch (ReflectiveOperationException | RuntimeException | LinkageError ignored) {
        // A getter that fails is not worth losing the error over.
      }
    }
    return values;
  }

  private static List<Method> getters(Class<?> type) {
    List<Method> getters = new ArrayList<>();
    for (Method method : type.getMethods()) {
      Class<?> declaring = method.getDeclaringClass();
      Class<?> result = method.getReturnType();
      boolean getterName = (method.getName().startsWith("get") && method.getName().length() > 3)
          || (method.getName().startsWith("is") && method.getName().length() > 2 && (result == boolean.class || result == Boolean.class));
      boolean simpleResult = result.isPrimitive() || result == String.class || Number.class.isAssignableFrom(result)
          || result == Boolean.class || result.isEnum() || result == Character.class;
      if (getterName && simpleResult && result != void.class && method.getParameterCount() == 0
          && !Modifier.isStatic(method.getModifiers()) && Throwable.class.isAssignableFrom(declaring)
          && declaring != Throwable.class && Modifier.isPublic(declaring.getModifiers())
          && !method.getName().equals("getMessage") && !method.getName().equals("getLocalizedMessage")) {
        getters.add(method);
      }
    }
    getters.sort((a, b) -> a.getName().compareTo(b.getName()));
    return getters;
  }

  private static String propertyName(String getter) {
    String bare = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
    return bare;
  }
}
