package vn.hoctap.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.admin.PageSession;
import vn.hoctap.citizen.Round;
import vn.hoctap.citizen.RoundFixtures;
import vn.hoctap.citizen.RoundKind;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.UnitKind;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * Issue 17, a file over the limit without JavaScript: the evidence page's plain form posts a 30 MB file (above
 * spring.servlet.multipart.max-request-size) over a real socket, as a browser does — the whole body, then the
 * answer. The answer is the evidence page again (by a redirect) with the limit and what to do next to the upload
 * form; nothing is stored; the connection is not cut before the browser reads it (Tomcat's swallow limit).
 */
@HoctapTest
class EvidenceOversizeHttpTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired JdbcTemplate jdbc;
  @Autowired RoundFixtures rf;

  final CookieManager cookies = new CookieManager();
  final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NEVER).build();

  String base() {
    return "http://127.0.0.1:" + port;
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  void login(String user) throws Exception {
    String token = PageSession.csrf(get("/dang-nhap").body());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(DemoData.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token;
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/dang-nhap"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/trang-chu");
  }

  String session() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
  }

  /** What came back to a plain socket that sent the whole request first: the status line and headers. */
  record Answer(int status, String head) {
    String header(String name) {
      return head.lines().filter(l -> l.toLowerCase().startsWith(name.toLowerCase() + ":"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(null);
    }
  }

  /**
   * Posts the page's upload form (token, target, one file of {@code size} bytes) the way a browser without script
   * does: the whole multipart body, then the answer is read. A connection cut by the server fails the write.
   */
  Answer postForm(String path, String cookie, String token, String fileName, int size) throws IOException {
    return postForm(path, cookie, token, "muc", "ho-so:TO_TRINH", "application/pdf", fileName, size);
  }

  Answer postForm(String path, String cookie, String token, String field, String value, String contentType,
      String fileName, int size) throws IOException {
    String boundary = "----hoctapForm" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: " + contentType + "\r\n\r\n%PDF-1.4\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    long length = head.length + (long) size + tail.length;
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(60_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
          + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + length + "\r\n"
          + "Accept: text/html\r\n" + (cookie == null ? "" : "Cookie: JSESSIONID=" + cookie + "\r\n")
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(head);
      byte[] chunk = new byte[64 * 1024];
      Arrays.fill(chunk, (byte) 'x');
      for (long sent = 0; sent < size; sent += chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, size - sent));
      }
      out.write(tail);
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != -1) {
        answer.write(b);
        if (answer.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
          break;
        }
      }
      String text = answer.toString(StandardCharsets.ISO_8859_1);
      return new Answer(Integer.parseInt(text.substring(9, 12)), text);
    }
  }

  int stored(long id) {
    return jdbc.queryForObject("select count(*) from evidence where dossier_id = ?", Integer.class, id);
  }

  int uploadsRecorded(long id) {
    return jdbc.queryForObject("select count(*) from dossier_event where dossier_id = ? and action ="
        + " 'EVIDENCE_UPLOADED'", Integer.class, id);
  }

  @Test
  void aThirtyMegabyteFileFromThePlainFormGetsTheEvidencePageBackWithTheLimitNothingStored() throws Exception {
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(school.team(), school.code(), 1, LocalDate.now(EngineClock.ZONE).getYear());
    long id = Long.parseLong(pi.getBusinessKey());
    String page = "/ho-so/" + id + "/minh-chung";
    login(school.team());
    String token = PageSession.csrf(get(page).body());

    Answer answer = postForm(page, session(), token, "video-buoi-hoc.pdf", 30 * 1024 * 1024);
    assertThat(answer.status()).as(answer.head()).isEqualTo(303);
    String location = answer.header("Location");
    assertThat(location).isEqualTo("/ho-so/" + id + "/minh-chung?qua-dung-luong=30#mc-loi");

    HttpResponse<String> shown = get(location.substring(0, location.indexOf('#')));
    assertThat(shown.statusCode()).isEqualTo(200);
    String body = shown.body();
    String refusal = body.substring(body.indexOf("id=\"mc-loi\""), body.indexOf("id=\"mc-tai-len\""));
    assertThat(refusal).contains("vượt quá dung lượng cho phép", "khoảng 30 MB", "Mỗi tệp tối đa 20 MB",
        "mỗi lần tải tối đa 25 MB", "không tệp nào được lưu", "Hãy nén hoặc tách tệp");
    // the refusal sits right before the upload form, which is still there to try again
    assertThat(refusal.substring(refusal.lastIndexOf("</div>"))).doesNotContain("<section", "<h3");
    assertThat(body).contains("Chưa có tệp nào.").doesNotContain("video-buoi-hoc.pdf");
    assertThat(stored(id)).isZero();
    assertThat(uploadsRecorded(id)).isZero();

    // the page still takes a file within the limit afterwards (the same session and token)
    Answer small = postForm(page, session(), PageSession.csrf(body), "to-trinh.pdf", 200_000);
    assertThat(small.status()).isEqualTo(302);
    assertThat(small.header("Location")).contains("/ho-so/" + id + "/minh-chung?da-tai=1");
    assertThat(stored(id)).isEqualTo(1);

    // someone else: the same redirect leads to the login page (anonymous) and stores nothing
    Answer anonymous = postForm(page, null, "khong-co", "video.pdf", 30 * 1024 * 1024);
    assertThat(anonymous.status()).isEqualTo(303);
    HttpResponse<String> outsider = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
        .send(HttpRequest.newBuilder(URI.create(base() + "/ho-so/" + id + "/minh-chung?qua-dung-luong=30"))
            .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(outsider.statusCode()).isEqualTo(302);
    assertThat(outsider.headers().firstValue("Location").orElse("")).endsWith("/dang-nhap");
    assertThat(stored(id)).isEqualTo(1);
  }

  @Test
  void aThirtyMegabyteRoundListFromThePlainFormGetsTheRoundPageBackWithTheLimitNothingStored() throws Exception {
    RoundFixtures.Body school = rf.newSchool("HN-TT");
    Round round = rf.start(school, RoundKind.CITIZEN, LocalDate.now(EngineClock.ZONE).getYear());
    String page = "/dot-danh-gia/" + round.id();
    login(school.preparer());
    String token = PageSession.csrf(get(page).body());

    Answer answer = postForm(page + "/tai-len", session(), token, "nhom", "OFFICIAL",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "danh-sach.xlsx", 30 * 1024 * 1024);
    assertThat(answer.status()).as(answer.head()).isEqualTo(303);
    String location = answer.header("Location");
    assertThat(location).isEqualTo(page + "?qua-dung-luong=30#tai-len-danh-sach");

    String body = get(location.substring(0, location.indexOf('#'))).body();
    String refusal = body.substring(body.indexOf("id=\"tl-loi\""), body.indexOf("id=\"tl-form\""));
    assertThat(refusal).contains("khoảng 30 MB", "vượt giới hạn 25 MB", "chưa lưu gì",
        "Hãy chia danh sách thành nhiều tệp nhỏ hơn 25 MB");
    assertThat(jdbc.queryForObject("select count(*) from round_entry where round_id = ?", Integer.class,
        round.id())).isZero();
  }
}
