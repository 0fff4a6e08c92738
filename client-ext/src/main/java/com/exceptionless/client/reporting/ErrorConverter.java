package com.exceptionless.client.reporting;

import com.exceptionless.client.model.ErrorInfo;
import com.exceptionless.client.model.InnerError;
import com.exceptionless.client.model.Module;
import com.exceptionless.client.model.StackFrame;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a {@link Throwable} into the {@code @error} shape the server groups by.
 *
 * <ul>
 *   <li>{@code type} is {@link Class#getName()}; {@code message} the throwable's message cut to
 *       {@value #MAX_MESSAGE_LENGTH} characters (as the event's message and source are), or
 *       {@code "Exception of type '<type>' was thrown."} when it has none.</li>
 *   <li>Each stack frame splits the class into {@code declaring_namespace} (the package) and
 *       {@code declaring_type} (the class name within its package, nested classes written with {@code $} as
 *       in Java stack traces, for example {@code Outer$Inner}).</li>
 *   <li>The cause chain becomes nested {@code inner} errors (cycle-safe, at most {@value #MAX_CAUSES} deep), so
 *       the server groups by the root cause; suppressed exceptions go in {@code data.suppressed} (at most
 *       {@value #MAX_SUPPRESSED} per throwable, and at most {@value #MAX_THROWABLES} throwables in all, each
 *       throwable once even when causes or suppressed exceptions loop). A cause leaves
 *       out the bottom frames it shares with the trace that encloses it, as {@code printStackTrace} does.</li>
 *   <li>Extra bean properties of the exception (for example {@code SQLException}'s SQL state and error code)
 *       go in {@code data["@ext"]}, data exclusions applied, with the limits of extended data
 *       ({@link DataSanitizer}: NaN and infinities as text, strings cut); a getter that throws is left out.</li>
 *   <li>{@code modules}, the jars of the class path, are on the root error only, when enabled.</li>
 * </ul>
 * A throwable whose methods throw ({@code getMessage}, {@code getCause}, {@code getStackTrace}, getters) is
 * converted as far as it can be; {@link #convert} never throws. Thread-safe.
 */
final class ErrorConverter {
  static final int MAX_CAUSES = 20;
  static final int MAX_FRAMES = 100;
  static final int MAX_SUPPRESSED = 10;
  static final int MAX_THROWABLES = 30;
  static final int MAX_MESSAGE_LENGTH = 2000;
  private static final StackTraceElement[] NO_FRAMES = new StackTraceElement[0];

  private final boolean includeModules;
  private final ModuleCatalog modules;
  private final Map<Class<?>, List<Method>> propertiesByClass = new ConcurrentHashMap<>();
  /** Frames repeat across errors (the same code paths fail again); their immutable conversions are shared. */
  private final FrameCache frameCache;

  ErrorConverter(boolean includeModules, ModuleCatalog modules) {
    this(includeModules, modules, new FrameCache());
  }

  ErrorConverter(boolean includeModules, ModuleCatalog modules, FrameCache frameCache) {
    this.includeModules = includeModules;
    this.modules = modules;
    this.frameCache = frameCache;
  }

  ErrorInfo convert(Throwable error, DataExclusions exclusions) {
    try {
      Conversion conversion = new Conversion(exclusions);
      conversion.seen.add(error);
      Throwable cause = cause(error);
      StackTraceElement[] trace = trace(error);
      return ErrorInfo.builder()
          .type(error.getClass().getName())
          .message(message(error))
          .data(data(error, trace, conversion, 0))
          .stackTrace(frames(trace, trace.length))
          .inner(conversion.admit(cause) ? inner(cause, trace, conversion, 1) : null)
          .modules(includeModules ? modules.modules() : null)
          .build();
    } catch (Throwable e) {
      DataSanitizer.rethrowIfFatal(e);
      return ErrorInfo.builder().type(error.getClass().getName())
          .message(DataSanitizer.threw("converting the error", e)).build();
    }
  }

  /** The state of one conversion: the throwables already converted and the budget of their properties. */
  private static final class Conversion {
    /** At most {@value #MAX_THROWABLES}, compared by identity: a list is cheaper than a set at that size. */
    final List<Throwable> seen = new ArrayList<>();
    final DataSanitizer properties = new DataSanitizer();
    final DataExclusions exclusions;

    Conversion(DataExclusions exclusions) {
      this.exclusions = exclusions;
    }

    /** Whether a throwable is new and still fits. */
    boolean admit(Throwable error) {
      if (error == null || seen.size() >= MAX_THROWABLES) {
        return false;
      }
      for (Throwable converted : seen) {
        if (converted == error) {
          return false;
        }
      }
      return seen.add(error);
    }
  }

  /**
   * Converts a cause. Like {@link Throwable#printStackTrace()}, the frames it shares with the enclosing
   * trace at the bottom are left out (their count is in {@code data.frames_in_common}); the top frames,
   * which the server's signature uses, are always kept.
   */
  private InnerError inner(Throwable error, StackTraceElement[] enclosing, Conversion conversion, int depth) {
    Throwable cause = cause(error);
    boolean goDeeper = depth < MAX_CAUSES && conversion.admit(cause);
    StackTraceElement[] trace = trace(error);
    int inCommon = framesInCommon(trace, enclosing);
    return InnerError.builder()
        .type(error.getClass().getName())
        .message(message(error))
        .data(data(error, trace, conversion, inCommon))
        .stackTrace(frames(trace, trace.length - inCommon))
        .inner(goDeeper ? inner(cause, trace, conversion, depth + 1) : null)
        .build();
  }

  static Throwable cause(Throwable error) {
    try {
      return error.getCause();
    } catch (Throwable e) {
      DataSanitizer.rethrowIfFatal(e);
      return null;
    }
  }

  /** The stack trace without null elements; empty when {@code getStackTrace()} throws or returns null. */
  static StackTraceElement[] trace(Throwable error) {
    StackTraceElement[] trace;
    try {
      trace = error.getStackTrace();
    } catch (Throwable e) {
      DataSanitizer.rethrowIfFatal(e);
      return NO_FRAMES;
    }
    if (trace == null) {
      return NO_FRAMES;
    }
    int nonNull = 0;
    for (StackTraceElement element : trace) {
      if (element != null) {
        nonNull++;
      }
    }
    if (nonNull == trace.length) {
      return trace;
    }
    StackTraceElement[] kept = new StackTraceElement[nonNull];
    int i = 0;
    for (StackTraceElement element : trace) {
      if (element != null) {
        kept[i++] = element;
      }
    }
    return kept;
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

  /** The message cut to {@value #MAX_MESSAGE_LENGTH} characters, a default when there is none, or what getMessage threw. */
  static String message(Throwable error) {
    String message;
    try {
      message = error.getMessage();
    } catch (Throwable e) {
      DataSanitizer.rethrowIfFatal(e);
      return DataSanitizer.threw("getMessage()", e);
    }
    return message != null ? DataSanitizer.cut(message, MAX_MESSAGE_LENGTH)
        : "Exception of type '" + error.getClass().getName() + "' was thrown.";
  }

  private List<StackFrame> frames(StackTraceElement[] elements, int kept) {
    int count = Math.min(kept, MAX_FRAMES);
    List<StackFrame> frames = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      frames.add(frameCache.frame(elements[i]));
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

  /** The error's data, or null when it has none (the map is made only when something goes in it). */
  private Map<String, Object> data(Throwable error, StackTraceElement[] trace, Conversion conversion, int framesInCommon) {
    Map<String, Object> data = null;
    if (framesInCommon > 0) {
      data = put(data, "frames_in_common", framesInCommon);
    }
    Map<String, Object> properties = properties(error, conversion.properties);
    if (!properties.isEmpty()) {
      properties = conversion.exclusions.apply(properties);
    }
    if (!properties.isEmpty()) {
      data = put(data, "@ext", properties);
    }
    Throwable[] suppressed = error.getSuppressed();
    if (suppressed.length > 0) {
      List<InnerError> kept = new ArrayList<>();
      for (int i = 0; i < suppressed.length && i < MAX_SUPPRESSED; i++) {
        if (conversion.admit(suppressed[i])) {
          kept.add(inner(suppressed[i], trace, conversion, MAX_CAUSES - 1));
        }
      }
      if (!kept.isEmpty()) {
        data = put(data, "suppressed", kept);
      }
    }
    return data;
  }

  private static Map<String, Object> put(Map<String, Object> data, String key, Object value) {
    Map<String, Object> into = data != null ? data : new LinkedHashMap<String, Object>();
    into.put(key, value);
    return into;
  }

  /** The values of the public getters the exception's own classes add to {@link Throwable}'s. */
  private Map<String, Object> properties(Throwable error, DataSanitizer sanitizer) {
    List<Method> getters;
    try {
      getters = propertiesByClass.computeIfAbsent(error.getClass(), ErrorConverter::getters);
    } catch (RuntimeException | LinkageError e) {
      return Collections.emptyMap();
    }
    if (getters.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Method getter : getters) {
      try {
        Object value = getter.invoke(error);
        if (value != null) {
          values.put(propertyName(getter.getName()), sanitizer.copy(value));
        }
      } catch (Throwable e) {
        // A getter that fails (its exception arrives wrapped in an InvocationTargetException) is not worth
        // losing the error over.
        DataSanitizer.rethrowIfFatal(e);
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
