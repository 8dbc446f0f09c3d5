package vn.hoctap.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hoctap.common.EngineClock;
import vn.hoctap.org.UnitKind;
import vn.hoctap.report.Chains;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * With e-mail on, a notification reaches every member of its group who has an address, through a real SMTP server
 * (GreenMail on a free loopback port): a Vietnamese subject and body, and the link to the dossier.
 */
@HoctapTest
class NotificationMailTest {

  static final int SMTP_PORT = freePort();

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1",
      ServerSetup.PROTOCOL_SMTP));

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry r) {
    r.add("spring.mail.host", () -> "127.0.0.1");
    r.add("spring.mail.port", () -> SMTP_PORT);
    r.add("hoctap.mail.enabled", () -> "true");
    r.add("hoctap.mail.from", () -> "hoctap <khong-tra-loi@hoctap.thu.vn>");
    r.add("hoctap.mail.base-url", () -> "https://hoctap.thu.vn/");
    // a context of its own: its engine needs a name of its own (letters only: Camunda ignores a name with a hyphen),
    // or it takes over the Camunda REST API of the other tests' context (the REST API finds its engine by name in a
    // JVM-wide registry), without their logins
    r.add("camunda.bpm.process-engine-name", () -> "mailtest");
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Autowired Fixtures fx;
  @Autowired Chains chains;

  @Test
  void aReturnedDossierIsMailedToTheSchoolsTeamAndHeadInVietnameseWithItsLink() throws Exception {
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = chains.returned(school, LocalDate.now(EngineClock.ZONE).getYear(),
        "Thiếu biên bản họp Tổ đánh giá");
    String team = school.team() + "@test.hoctap.vn";
    String head = school.head() + "@test.hoctap.vn";
    await().atMost(Duration.ofSeconds(30)).until(() -> to(team).size() == 1 && to(head).size() == 1);
    MimeMessage m = to(team).get(0);
    assertThat(m.getSubject()).startsWith("[hoctap] Hồ sơ cần bổ sung");
    assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("khong-tra-loi@hoctap.thu.vn");
    String body = GreenMailUtil.getBody(m);
    assertThat(m.getContentType()).containsIgnoringCase("charset=UTF-8");
    String text = m.getContent().toString();
    assertThat(text).contains("Kính gửi Người Thử", "Nội dung yêu cầu bổ sung: Thiếu biên bản họp Tổ đánh giá",
        "Xem hồ sơ: https://hoctap.thu.vn/ho-so/" + pi.getBusinessKey(), "https://hoctap.thu.vn/thong-bao");
    assertThat(body).isNotBlank();
    // the reviewers got the "new dossier" mail of the submission; nobody else got the school's
    assertThat(Arrays.stream(SMTP.getReceivedMessages()).filter(x -> subject(x).contains("Hồ sơ cần bổ sung")))
        .allSatisfy(x -> assertThat(recipients(x)).isSubsetOf(team, head));
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> recipients(MimeMessage m) {
    try {
      return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress())
          .toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  List<MimeMessage> to(String address) {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> recipients(m).contains(address)).toList();
  }
}
