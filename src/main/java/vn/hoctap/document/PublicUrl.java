package vn.hoctap.document;

import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public address of hoctap (hoctap.public-url, e.g. https://hoctap.hanoi.gov.vn), from which every QR code's
 * check address is built: printed into signed documents, it must be the address anyone can open. The production
 * profile refuses to start without it; elsewhere (demo, tests) the address of the request being served is used, or
 * http://localhost:{port}.
 */
@Component
public class PublicUrl {

  private final String configured;
  private final Environment env;

  PublicUrl(@Value("${hoctap.public-url:${hoctap.public-base-url:}}") String configured, Environment env) {
    this.configured = configured == null ? "" : configured.strip().replaceAll("/+$", "");
    this.env = env;
    check(this.configured, env.getActiveProfiles());
  }

  /** Refuses a production start without an absolute http(s) public address. */
  static void check(String url, String[] profiles) {
    boolean production = Arrays.asList(profiles).contains("production");
    if (url.isBlank()) {
      if (production) {
        throw new IllegalStateException("hoctap.public-url chưa được cấu hình: mã QR trên văn bản ký số phải dẫn tới"
            + " địa chỉ công khai của hoctap (ví dụ https://hoctap.hanoi.gov.vn). Đặt HOCTAP_PUBLIC_URL hoặc"
            + " hoctap.public-url rồi khởi động lại.");
      }
      return;
    }
    if (!url.matches("https?://[^\\s/]+(/\\S*)?")) {
      throw new IllegalStateException("hoctap.public-url phải là địa chỉ tuyệt đối http(s)://…, không phải \"" + url
          + "\".");
    }
  }

  public String base() {
    if (!configured.isBlank()) {
      return configured;
    }
    if (RequestContextHolder.getRequestAttributes() != null) {
      return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
    return "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
  }

  public String checkUrl(String code) {
    return base() + "/kiem-tra/" + code;
  }
}
