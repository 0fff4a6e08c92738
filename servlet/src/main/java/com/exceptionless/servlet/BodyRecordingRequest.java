package com.exceptionless.servlet;

import com.exceptionless.client.json.ExceptionlessMoshi;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okio.Buffer;

/**
 * The request as the application sees it when {@code post_data} is enabled: it keeps a copy of the first bytes of
 * the body that the application itself reads (through {@link #getInputStream()} or {@link #getReader()}), and
 * notes whether the application asked for the parameters (which makes the container parse a form body). It never
 * reads anything on its own. Used by one request's thread at a time, as the request itself.
 */
final class BodyRecordingRequest extends HttpServletRequestWrapper {
  /** The request attribute under which the recording is found, through whatever wraps it later. */
  static final String ATTRIBUTE = BodyRecordingRequest.class.getName();

  /** The SDK's reading of free-form JSON, which keeps the type of numbers ({@code 2} stays an integer). */
  private static final JsonAdapter<Object> FREE_FORM_JSON = ExceptionlessMoshi.create().adapter(Object.class);

  private final int maxBytes;
  private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();
  private boolean truncated;
  private boolean parametersRead;
  private ServletInputStream stream;
  private BufferedReader reader;

  BodyRecordingRequest(HttpServletRequest request, int maxBytes) {
    super(request);
    this.maxBytes = maxBytes;
    request.setAttribute(ATTRIBUTE, this);
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (reader != null) {
      throw new IllegalStateException("getReader() has already been called for this request");
    }
    if (stream == null) {
      stream = new RecordingStream(super.getInputStream());
    }
    return stream;
  }

  @Override
  public BufferedReader getReader() throws IOException {
    if (stream != null && reader == null) {
      throw new IllegalStateException("getInputStream() has already been called for this request");
    }
    if (reader == null) {
      stream = new RecordingStream(super.getInputStream());
      reader = new BufferedReader(new InputStreamReader(stream, charset()));
    }
    return reader;
  }

  @Override
  public String getParameter(String name) {
    parametersRead = true;
    return super.getParameter(name);
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    parametersRead = true;
    return super.getParameterMap();
  }

  @Override
  public Enumeration<String> getParameterNames() {
    parametersRead = true;
    return super.getParameterNames();
  }

  @Override
  public String[] getParameterValues(String name) {
    parametersRead = true;
    return super.getParameterValues(name);
  }

  @Override
  public Collection<Part> getParts() throws IOException, ServletException {
    parametersRead = true;
    return super.getParts();
  }

  @Override
  public Part getPart(String name) throws IOException, ServletException {
    parametersRead = true;
    return super.getPart(name);
  }

  /**
   * Returns what the application read of the body, for {@code post_data}, or null when it read nothing that can be
   * sent: form fields (those of the query string excepted) and JSON objects or arrays as structures without the
   * members whose name looks secret, other text as text (cut at the limit), binary bodies never.
   */
  Object postData(RequestInfoCollector names, Map<String, String> query) {
    String type = getContentType() == null ? "" : getContentType().toLowerCase(Locale.ROOT);
    if (parametersRead && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))) {
      return formFields(names, query);
    }
    if (recorded.size() == 0) {
      return null;
    }
    String text = new String(recorded.toByteArray(), charset());
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return names.withoutSecrets(RequestInfoCollector.parseQuery(text));
    }
    if (type.contains("json")) {
      return truncated ? null : json(names);
    }
    if (type.startsWith("text/") || type.contains("xml")) {
      return text;
    }
    return null;
  }

  private Map<String, String> formFields(RequestInfoCollector names, Map<String, String> query) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> field : super.getParameterMap().entrySet()) {
      if (!query.containsKey(field.getKey()) && !names.isSecret(field.getKey())) {
        fields.put(field.getKey(), String.join(",", field.getValue()));
      }
    }
    return fields;
  }

  private Object json(RequestInfoCollector names) {
    try {
      JsonReader json = JsonReader.of(new Buffer().write(recorded.toByteArray()));
      Object value = FREE_FORM_JSON.fromJson(json);
      return json.peek() == JsonReader.Token.END_DOCUMENT ? withoutSecrets(value, names, 0) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Object withoutSecrets(Object value, RequestInfoCollector names, int depth) {
    if (depth > 20) {
      return null;
    }
    if (value instanceof Map) {
      Map<String, Object> kept = new LinkedHashMap<>();
      for (Map.Entry<?, ?> member : ((Map<?, ?>) value).entrySet()) {
        String name = String.valueOf(member.getKey());
        if (!names.isSecret(name)) {
          kept.put(name, withoutSecrets(member.getValue(), names, depth + 1));
        }
      }
      return kept;
    }
    if (value instanceof List) {
      List<Object> kept = new ArrayList<>();
      for (Object item : (List<?>) value) {
        kept.add(withoutSecrets(item, names, depth + 1));
      }
      return kept;
    }
    return value;
  }

  private Charset charset() {
    String encoding = getCharacterEncoding();
    try {
      return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    } catch (RuntimeException e) {
      return StandardCharsets.UTF_8;
    }
  }

  private void record(byte[] bytes, int offset, int length) {
    int room = maxBytes - recorded.size();
    if (length > room) {
      truncated = true;
    }
    if (room > 0) {
      recorded.write(bytes, offset, Math.min(room, length));
    }
  }

  /** The container's stream, with a copy of what passes through it. */
  private final class RecordingStream extends ServletInputStream {
    private final ServletInputStream in;

    RecordingStream(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        record(new byte[] {(byte) b}, 0, 1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        record(buffer, offset, n);
      }
      return n;
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
