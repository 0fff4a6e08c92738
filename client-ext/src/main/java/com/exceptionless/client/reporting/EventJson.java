package com.exceptionless.client.reporting;

import com.exceptionless.client.model.EnvironmentInfo;
import com.exceptionless.client.model.Event;
import com.exceptionless.client.model.Module;
import com.exceptionless.client.model.StackFrame;
import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import okio.Buffer;

/**
 * Writes an event as the JSON the client's Moshi writes for it, byte for byte, but straight into
 * {@link JsonBytes} and with what repeats from event to event written once:
 *
 * <ul>
 *   <li>the generated models ({@code Event}, {@code ErrorInfo}, {@code InnerError}, ...) field by field, in the
 *       order of their JSON names as Moshi's class adapter writes them, null fields left out, through writers
 *       compiled once per class (strings, integers, doubles, booleans, dates, lists, maps, free-form values and
 *       nested models);</li>
 *   <li>stack frames of the {@link FrameCache} as their JSON written the first time, the class path's
 *       {@code modules} list of the {@link ModuleCatalog} as its JSON written once, and an {@code @environment}
 *       the {@link EnvironmentCollector} made as the JSON the collector keeps with it (a frame, list or
 *       environment a plugin made or changed is written field by field);</li>
 *   <li>dates as ISO-8601 text with their offset, the part up to the second formatted once per second.</li>
 * </ul>
 * Values of any other type (a plugin's own object in {@code data}, an enum) are written by the client's Moshi,
 * so the JSON is the same either way. What Moshi refuses (NaN, infinities, a null map key, a cycle) is refused
 * with an exception. Thread-safe; the {@link JsonBytes} is the caller's.
 */
final class EventJson {
  private static final String MODEL_PACKAGE = Event.class.getPackage().getName();

  private final Moshi moshi;
  private final FrameCache frames;
  private final ModuleCatalog modules;
  private final EnvironmentCollector environment;
  /** The writers of the generated model classes, compiled when first needed. */
  private final Map<Class<?>, ValueJson> byClass = new ConcurrentHashMap<>();
  /**
   * The event's writer, compiled on the first event (on the writer thread): compiling spins up the lambda
   * factory, tens of milliseconds a cold JVM should not spend in the application's call to {@code build()}.
   */
  private final ValueJson events = new Later(Event.class);
  private final ValueJson free = this::free;
  private final ValueJson freeElements = new Elements(free);
  private final ValueJson freeEntries = new Entries(free, true);
  private volatile PreparedModules preparedModules;
  private volatile Second lastSecond;

  EventJson(Moshi moshi, FrameCache frames, ModuleCatalog modules, EnvironmentCollector environment) {
    this.moshi = moshi;
    this.frames = frames;
    this.modules = modules;
    this.environment = environment;
  }

  /** Returns the event's JSON; throws what Moshi would throw for it, or {@link JsonBytes.TooLarge}. */
  byte[] write(Event event, JsonBytes out) throws IOException {
    out.reset();
    events.write(event, out, 0);
    return out.toByteArray();
  }

  /** Writes one value that is not null, at a given depth of containers. */
  private interface ValueJson {
    void write(Object value, JsonBytes out, int depth) throws IOException;
  }

  /**
   * The writer of a class: a generated model's, compiled once and kept, or the client's Moshi adapter (which Moshi
   * keeps), so that the application's own classes are not held here.
   */
  private ValueJson forClass(Class<?> type) {
    ValueJson json = byClass.get(type);
    if (json == null) {
      if (!isModel(type)) {
        return moshi(type);
      }
      json = compile(type);
      ValueJson raced = byClass.putIfAbsent(type, json);
      if (raced != null) {
        json = raced;
      }
    }
    return json;
  }

  private ValueJson compile(Class<?> type) {
    ModelJson model = ModelJson.of(type, this);
    if (model == null) {
      return moshi(type);
    }
    if (type == StackFrame.class) {
      return new KeptJson(model, frame -> frames.json((StackFrame) frame),
          (frame, json) -> frames.json((StackFrame) frame, json));
    }
    if (type == EnvironmentInfo.class) {
      return new KeptJson(model, info -> environment.json((EnvironmentInfo) info),
          (info, json) -> environment.json((EnvironmentInfo) info, json));
    }
    return model;
  }

  /** The writer of a field's or collection element's declared type. */
  private ValueJson forType(Type type) {
    if (type == String.class) {
      return (value, out, depth) -> out.string((String) value);
    }
    if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class) {
      return (value, out, depth) -> out.value(((Number) value).longValue());
    }
    if (type == Double.class) {
      return (value, out, depth) -> out.value(((Double) value).doubleValue());
    }
    if (type == Boolean.class) {
      return (value, out, depth) -> out.value(((Boolean) value).booleanValue());
    }
    if (type == OffsetDateTime.class) {
      return (value, out, depth) -> date((OffsetDateTime) value, out);
    }
    if (type == Object.class) {
      return free;
    }
    if (type instanceof ParameterizedType) {
      ParameterizedType parameterized = (ParameterizedType) type;
      Type raw = parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      if ((raw == List.class || raw == Set.class || raw == Collection.class) && isPlain(arguments[0])) {
        ValueJson list = new Elements(forType(arguments[0]));
        return arguments[0] == Module.class ? new PreparedModulesJson(list) : list;
      }
      if (raw == Map.class && arguments[0] == String.class && isPlain(arguments[1])) {
        return new Entries(forType(arguments[1]), false);
      }
    }
    if (type instanceof Class && isModel((Class<?>) type)) {
      return new Later((Class<?>) type);
    }
    return moshi(type);
  }

  private static boolean isPlain(Type type) {
    return type instanceof Class || type instanceof ParameterizedType;
  }

  private static boolean isModel(Class<?> type) {
    return type.getPackage() != null && type.getPackage().getName().equals(MODEL_PACKAGE) && !type.isEnum()
        && type.getSuperclass() == Object.class && Modifier.isFinal(type.getModifiers());
  }

  /** A value of a type this does not write itself, written by the client's Moshi and copied. */
  private ValueJson moshi(Type type) {
    JsonAdapter<Object> adapter = moshi.adapter(type);
    return (value, out, depth) -> {
      Buffer buffer = new Buffer();
      adapter.toJson(JsonWriter.of(buffer), value);
      out.write(buffer.readByteArray());
    };
  }

  /** A free-form value as the client's adapter for {@code Object} writes it. */
  private void free(Object value, JsonBytes out, int depth) throws IOException {
    if (value instanceof String) {
      out.string((String) value);
    } else if (value instanceof Map) {
      freeEntries.write(value, out, depth);
    } else if (value instanceof Collection) {
      freeElements.write(value, out, depth);
    } else if (value instanceof Boolean) {
      out.value(((Boolean) value).booleanValue());
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      out.value(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      out.value(((Number) value).doubleValue());
    } else if (value instanceof Number) {
      String text = value.toString();
      if (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity")) {
        throw new IllegalArgumentException("Numeric values must be finite, but was " + text);
      }
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } else if (value.getClass() == Object.class) {
      out.write((byte) '{');
      out.write((byte) '}');
    } else {
      forClass(value.getClass()).write(value, out, depth);
    }
  }

  private void date(OffsetDateTime value, JsonBytes out) {
    long epochSecond = value.toEpochSecond();
    Second second = lastSecond;
    if (second == null || second.epochSecond != epochSecond || !second.offset.equals(value.getOffset())) {
      second = new Second(epochSecond, value.getOffset(), '"'
          + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value.toLocalDateTime().withNano(0)));
      lastSecond = second;
    }
    out.ascii(second.text);
    int nano = value.getNano();
    if (nano != 0) {
      int unit = 100_000_000;
      while (nano % 10 == 0) {
        nano /= 10;
        unit /= 10;
      }
      out.write((byte) '.');
      for (; nano < unit; unit /= 10) {
        out.write((byte) '0');
      }
      out.value(nano);
    }
    out.ascii(value.getOffset().getId());
    out.write((byte) '"');
  }

  /**
   * A generated model's fields by JSON name in alphabetical order (as Moshi's class adapter writes them), each
   * with the writer of its declared type.
   */
  private static final class ModelJson implements ValueJson {
    private final Function<Object, Object>[] fields;
    private final byte[][] names;
    private final ValueJson[] values;

    private ModelJson(Function<Object, Object>[] fields, byte[][] names, ValueJson[] values) {
      this.fields = fields;
      this.names = names;
      this.values = values;
    }

    /** The writer of a generated model class, or null for other classes. */
    static ModelJson of(Class<?> type, EventJson json) {
      if (!isModel(type)) {
        return null;
      }
      Map<String, Field> byName = new TreeMap<>();
      for (Field field : type.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
          continue;
        }
        Json annotation = field.getAnnotation(Json.class);
        if (annotation != null && annotation.ignore()) {
          continue;
        }
        if (field.getType().isPrimitive()) {
          return null;
        }
        String name = annotation != null && !annotation.name().equals(Json.UNSET_NAME) ? annotation.name() : field.getName();
        byName.put(name, field);
      }
      List<Function<Object, Object>> fields = new ArrayList<>();
      List<byte[]> names = new ArrayList<>();
      List<ValueJson> values = new ArrayList<>();
      for (Map.Entry<String, Field> entry : byName.entrySet()) {
        Field field = entry.getValue();
        field.setAccessible(true);
        JsonBytes name = new JsonBytes(Integer.MAX_VALUE);
        name.string(entry.getKey());
        name.write((byte) ':');
        Function<Object, Object> getter = getter(type, field);
        if (getter == null) {
          return null;
        }
        fields.add(getter);
        names.add(name.toByteArray());
        values.add(json.forType(field.getGenericType()));
      }
      return new ModelJson(toArray(fields), names.toArray(new byte[0][]), values.toArray(new ValueJson[0]));
    }

    /**
     * A function calling the field's public getter ({@code get} and the field's name), made by the lambda
     * factory so that reading is a plain call: {@code Field.get} checks the receiver's class on each read, which
     * costs more than writing the value. Null when the model has no such getter.
     */
    private static Function<Object, Object> getter(Class<?> type, Field field) {
      for (java.lang.reflect.Method method : type.getMethods()) {
        if (method.getParameterCount() == 0 && method.getReturnType() == field.getType()
            && !Modifier.isStatic(method.getModifiers()) && method.getName().equalsIgnoreCase("get" + field.getName())) {
          try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle target = lookup.unreflect(method);
            return cast(LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                MethodType.methodType(Object.class, Object.class), target, target.type()).getTarget().invokeWithArguments());
          } catch (Throwable e) {
            DataSanitizer.rethrowIfFatal(e);
            return null;
          }
        }
      }
      return null;
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object> cast(Object function) {
      return (Function<Object, Object>) function;
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object>[] toArray(List<Function<Object, Object>> getters) {
      return getters.toArray(new Function[0]);
    }

    @Override
    public void write(Object model, JsonBytes out, int depth) throws IOException {
      JsonBytes.checkDepth(depth + 1);
      out.write((byte) '{');
      boolean first = true;
      for (int i = 0; i < fields.length; i++) {
        Object value = fields[i].apply(model);
        if (value == null) {
          continue;
        }
        if (!first) {
          out.write((byte) ',');
        }
        first = false;
        out.write(names[i]);
        values[i].write(value, out, depth + 1);
      }
      out.write((byte) '}');
    }
  }

  /**
   * A field of a model type, written by that model's writer, found when first needed (a model may contain
   * itself, as {@code InnerError} does) and then kept. Racing first writes find the same writer.
   */
  private final class Later implements ValueJson {
    private final Class<?> model;
    private ValueJson json;

    Later(Class<?> model) {
      this.model = model;
    }

    @Override
    public void write(Object value, JsonBytes out, int depth) throws IOException {
      ValueJson found = json;
      if (found == null) {
        found = forClass(model);
        json = found;
      }
      found.write(value, out, depth);
    }
  }

  /** A list or set: its elements, null ones as {@code null}. */
  private static final class Elements implements ValueJson {
    private final ValueJson element;

    Elements(ValueJson element) {
      this.element = element;
    }

    @Override
    public void write(Object value, JsonBytes out, int depth) throws IOException {
      JsonBytes.checkDepth(depth + 1);
      out.write((byte) '[');
      boolean first = true;
      for (Object item : (Collection<?>) value) {
        if (!first) {
          out.write((byte) ',');
        }
        first = false;
        if (item == null) {
          out.nullValue();
        } else {
          element.write(item, out, depth + 1);
        }
      }
      out.write((byte) ']');
    }
  }

  /**
   * A map: its entries, those with null values left out. Keys are strings; a free-form map's other keys are
   * written as their text (a null key as {@code "null"}), a typed map's null key is refused, as by Moshi.
   */
  private static final class Entries implements ValueJson {
    private final ValueJson entryValue;
    private final boolean free;

    Entries(ValueJson entryValue, boolean free) {
      this.entryValue = entryValue;
      this.free = free;
    }

    @Override
    public void write(Object value, JsonBytes out, int depth) throws IOException {
      JsonBytes.checkDepth(depth + 1);
      out.write((byte) '{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (entry.getKey() == null && !free) {
          throw new IllegalStateException("Map key is null");
        }
        Object item = entry.getValue();
        if (item == null) {
          continue;
        }
        if (!first) {
          out.write((byte) ',');
        }
        first = false;
        out.string(free ? String.valueOf(entry.getKey()) : (String) entry.getKey());
        out.write((byte) ':');
        entryValue.write(item, out, depth + 1);
      }
      out.write((byte) '}');
    }
  }

  /** The catalog's modules (the same instances, in order) as their JSON written once; other lists as they are. */
  private final class PreparedModulesJson implements ValueJson {
    private final ValueJson list;

    PreparedModulesJson(ValueJson list) {
      this.list = list;
    }

    @Override
    public void write(Object value, JsonBytes out, int depth) throws IOException {
      List<Module> catalog = modules.modules();
      if (catalog == null || !(value instanceof List) || !sameInstances((List<?>) value, catalog)) {
        list.write(value, out, depth);
        return;
      }
      PreparedModules prepared = preparedModules;
      if (prepared != null && prepared.modules == catalog) {
        out.write(prepared.json);
        return;
      }
      int start = out.size();
      list.write(value, out, depth);
      preparedModules = new PreparedModules(catalog, out.copyFrom(start));
    }

    private boolean sameInstances(List<?> list, List<Module> catalog) {
      if (list == catalog) {
        return true;
      }
      if (list.size() != catalog.size()) {
        return false;
      }
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) != catalog.get(i)) {
          return false;
        }
      }
      return true;
    }
  }

  /** A modules list and its JSON. */
  private static final class PreparedModules {
    final List<Module> modules;
    final byte[] json;

    PreparedModules(List<Module> modules, byte[] json) {
      this.modules = modules;
      this.json = json;
    }
  }

  /**
   * Values whose JSON is kept once written (frames by the {@link FrameCache}, environments by the
   * {@link EnvironmentCollector}): copied when kept, else written field by field and offered to be kept (values
   * a plugin made or changed are not).
   */
  private static final class KeptJson implements ValueJson {
    private final ModelJson model;
    private final Function<Object, byte[]> kept;
    private final BiConsumer<Object, byte[]> keep;

    KeptJson(ModelJson model, Function<Object, byte[]> kept, BiConsumer<Object, byte[]> keep) {
      this.model = model;
      this.kept = kept;
      this.keep = keep;
    }

    @Override
    public void write(Object value, JsonBytes out, int depth) throws IOException {
      byte[] json = kept.apply(value);
      if (json != null) {
        out.write(json);
        return;
      }
      int start = out.size();
      model.write(value, out, depth);
      keep.accept(value, out.copyFrom(start));
    }
  }

  /** One second's date and time as text (after the opening quote), for one offset. */
  private static final class Second {
    final long epochSecond;
    final ZoneOffset offset;
    final String text;

    Second(long epochSecond, ZoneOffset offset, String text) {
      this.epochSecond = epochSecond;
      this.offset = offset;
      this.text = text;
    }
  }
}
