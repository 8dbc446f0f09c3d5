package vn.hoctap.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Error bodies of the Camunda REST API (/engine-rest) may carry SQL, stack frames or internal class names in
 * "message" (a failed database statement, an unexpected exception). This filter replaces such a message with a
 * plain Vietnamese one (the original is logged); an empty message (Camunda's answer to a JSON array where an object
 * belongs) gets the plain one too. "type" is Camunda's documented error contract, which REST
 * clients read, so it is kept as it is. Successful responses pass through untouched and unbuffered.
 */
public class EngineRestErrorBodies extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrorBodies.class);
  /** Signs of internals in a message: exception names, SQL, MyBatis dumps, stack frames, package names. */
  static final Pattern INTERNALS = Pattern.compile(
      "Exception|SQL|###|\\bat [a-z]+\\.|\\b(org|java|javax|jakarta|vn|com)\\.[a-z]+\\.|hibernate|ibatis|mybatis",
      Pattern.CASE_INSENSITIVE);

  private final ObjectMapper mapper = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ErrorBuffer wrapper = new ErrorBuffer(response);
    try {
      chain.doFilter(request, wrapper);
    } finally {
      wrapper.finish();
    }
  }

  String sanitize(int status, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    ObjectNode out;
    try {
      JsonNode json = mapper.readTree(text);
      out = json instanceof ObjectNode o ? o : mapper.createObjectNode();
    } catch (IOException notJson) {
      out = mapper.createObjectNode();
      if (!text.isBlank() && !INTERNALS.matcher(text).find()) {
        out.put("message", text);
      }
    }
    JsonNode message = out.get("message");
    if (message == null || !message.isTextual() || message.asText().isBlank()
        || INTERNALS.matcher(message.asText()).find()) {
      if (message != null && !message.asText().isBlank()) {
        LOG.info("Engine REST error {} hidden from the client: {}", status, message.asText());
      }
      out.put("message", status >= 500
          ? "Lỗi hệ thống, chưa lưu gì. Hãy thử lại sau; nếu vẫn lỗi, báo quản trị viên. (Internal error.)"
          : "Yêu cầu không hợp lệ hoặc không thực hiện được. (The request could not be processed.)");
    }
    return out.toString();
  }

  /** Buffers the body only once the status says it is an error; everything else goes straight to the client. */
  private final class ErrorBuffer extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;
    private boolean buffering;

    ErrorBuffer(HttpServletResponse response) {
      super(response);
    }

    private boolean error() {
      return getStatus() >= 400;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!error() && !buffering) {
        return super.getOutputStream();
      }
      buffering = true;
      if (stream == null) {
        stream = new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {}

          @Override
          public void write(int b) {
            buffer.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!error() && !buffering) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void setContentLength(int len) {
      if (!error()) {
        super.setContentLength(len);
      }
    }

    @Override
    public void setContentLengthLong(long len) {
      if (!error()) {
        super.setContentLengthLong(len);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!(error() && "Content-Length".equalsIgnoreCase(name))) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!(error() && "Content-Length".equalsIgnoreCase(name))) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!buffering) {
        super.flushBuffer();
      }
    }

    void finish() throws IOException {
      if (!buffering) {
        return;
      }
      if (writer != null) {
        writer.flush();
      }
      byte[] body = sanitize(getStatus(), buffer.toByteArray()).getBytes(StandardCharsets.UTF_8);
      HttpServletResponse target = (HttpServletResponse) getResponse();
      if (!target.isCommitted()) {
        target.setContentType("application/json;charset=UTF-8");
        target.setContentLength(body.length);
      }
      target.getOutputStream().write(body);
      target.getOutputStream().flush();
    }
  }
}
