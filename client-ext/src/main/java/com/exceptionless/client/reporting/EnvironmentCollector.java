package com.exceptionless.client.reporting;

import com.exceptionless.client.model.EnvironmentInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.RuntimeMXBean;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Describes the running JVM and machine for {@code @environment}: processors, memory, operating system,
 * runtime, process id and, unless personal data is turned off, machine name, command line and user. The
 * parts that do not change, the random install id among them, are made once, lazily, on the writer thread (a
 * random UUID seeds the secure random generator, tens of milliseconds on a cold JVM). Thread-safe.
 */
final class EnvironmentCollector {
  /** Memory figures are read at most this often: reading them costs tens of microseconds (a /proc read on Linux). */
  private static final long MEMORY_REFRESH_NANOS = 1_000_000_000L;

  /** At most this many threads' environments are kept per memory reading (more are made per event). */
  private static final int MAX_THREADS = 1024;

  private final boolean includePersonalData;
  private volatile EnvironmentInfo fixed;
  private volatile Reading reading;

  EnvironmentCollector(boolean includePersonalData) {
    this.includePersonalData = includePersonalData;
  }

  /**
   * Returns the environment now; the thread is the one that submitted the event. Within one memory reading
   * a thread's events share one (immutable) instance, so that its JSON is written once ({@link #json}).
   */
  EnvironmentInfo snapshot(String threadId, String threadName) {
    long now = System.nanoTime();
    Reading current = reading;
    if (current == null || now - current.readAtNanos > MEMORY_REFRESH_NANOS) {
      EnvironmentInfo base = fixed;
      if (base == null) {
        base = readFixed();
        fixed = base;
      }
      Runtime runtime = Runtime.getRuntime();
      current = new Reading(base.toBuilder()
          .availablePhysicalMemory(longProperty(ManagementFactory.getOperatingSystemMXBean(), "getFreePhysicalMemorySize"))
          .processMemorySize(runtime.totalMemory() - runtime.freeMemory())
          .build(), now);
      reading = current;
    }
    List<String> thread = Arrays.asList(threadId, threadName);
    Made made = current.byThread.get(thread);
    if (made != null) {
      return made.info;
    }
    EnvironmentInfo info = current.withMemory.toBuilder().threadId(threadId).threadName(threadName).build();
    if (current.byThread.size() < MAX_THREADS) {
      current.byThread.put(thread, new Made(info));
    }
    return info;
  }

  /**
   * Returns the JSON kept for an instance {@link #snapshot} returned within the current memory reading, or null
   * when none was kept or the instance is not such a one (a plugin made or changed it, or the reading is past).
   */
  byte[] json(EnvironmentInfo info) {
    Made made = made(info);
    return made == null ? null : made.json;
  }

  /** Keeps the JSON of an instance {@link #snapshot} returned within the current reading; others are ignored. */
  void json(EnvironmentInfo info, byte[] written) {
    Made made = made(info);
    if (made != null) {
      made.json = written;
    }
  }

  private Made made(EnvironmentInfo info) {
    Reading current = reading;
    Made made = current == null ? null : current.byThread.get(Arrays.asList(info.getThreadId(), info.getThreadName()));
    return made != null && made.info == info ? made : null;
  }

  /** Memory figures read at one time, and the environments made from them, per thread. */
  private static final class Reading {
    final EnvironmentInfo withMemory;
    final long readAtNanos;
    final Map<List<String>, Made> byThread = new ConcurrentHashMap<>();

    Reading(EnvironmentInfo withMemory, long readAtNanos) {
      this.withMemory = withMemory;
      this.readAtNanos = readAtNanos;
    }
  }

  /** An environment {@link #snapshot} made, and its JSON once written (so it lives as long as its reading). */
  private static final class Made {
    final EnvironmentInfo info;
    volatile byte[] json;

    Made(EnvironmentInfo info) {
      this.info = info;
    }
  }

  private EnvironmentInfo readFixed() {
    RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    String jvmName = runtime.getName();
    int at = jvmName.indexOf('@');
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("java.vendor", System.getProperty("java.vendor"));
    data.put("java.vm.name", System.getProperty("java.vm.name"));
    data.put("max_memory", Runtime.getRuntime().maxMemory());
    EnvironmentInfo.Builder info = EnvironmentInfo.builder()
        .processorCount(Runtime.getRuntime().availableProcessors())
        .totalPhysicalMemory(longProperty(os, "getTotalPhysicalMemorySize"))
        .processName(processName())
        .processId(at > 0 ? jvmName.substring(0, at) : null)
        .architecture(System.getProperty("os.arch"))
        .oSName(System.getProperty("os.name"))
        .oSVersion(System.getProperty("os.version"))
        .installId(UUID.randomUUID().toString())
        .runtimeVersion("Java " + System.getProperty("java.version"))
        .data(data);
    if (includePersonalData) {
      info.machineName(machineName())
          .commandLine(System.getProperty("sun.java.command"));
      data.put("user.name", System.getProperty("user.name"));
    }
    return info.build();
  }

  private static String processName() {
    String command = System.getProperty("sun.java.command");
    if (command == null || command.trim().isEmpty()) {
      return "java";
    }
    String first = command.trim().split("\\s+")[0];
    return first.endsWith(".jar") ? first.substring(Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')) + 1) : first;
  }

  private static String machineName() {
    String name = System.getenv("HOSTNAME");
    if (name == null || name.isEmpty()) {
      name = System.getenv("COMPUTERNAME");
    }
    if (name == null || name.isEmpty()) {
      try {
        name = InetAddress.getLocalHost().getHostName();
      } catch (java.io.IOException | SecurityException e) {
        name = null;
      }
    }
    return name;
  }

  /** Reads a {@code com.sun.management} size by reflection, so the SDK also runs where that API is absent. */
  private static Long longProperty(OperatingSystemMXBean os, String getter) {
    try {
      Method method = os.getClass().getMethod(getter);
      method.setAccessible(true);
      Object value = method.invoke(os);
      return value instanceof Number ? ((Number) value).longValue() : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
