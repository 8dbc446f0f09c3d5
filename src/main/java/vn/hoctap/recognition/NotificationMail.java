package vn.hoctap.recognition;

import jakarta.annotation.PreDestroy;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a notification by e-mail (thư điện tử) to every member of its group who has an address, once the step that
 * created it has committed: a rolled-back step mails nothing. Sending happens on a thread of its own; a failure is
 * logged and never fails the step. Off unless hoctap.mail.enabled and an SMTP server (spring.mail.host) are set.
 */
@Component
@EnableConfigurationProperties(MailSettings.class)
public class NotificationMail {

  private static final Logger log = LoggerFactory.getLogger(NotificationMail.class);

  private final MailSettings settings;
  private final ObjectProvider<JavaMailSender> sender;
  private final JdbcTemplate jdbc;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "hoctap-mail");
    t.setDaemon(true);
    return t;
  });

  NotificationMail(MailSettings settings, ObjectProvider<JavaMailSender> sender, JdbcTemplate jdbc) {
    this.settings = settings;
    this.sender = sender;
    this.jdbc = jdbc;
  }

  /** Mails the notification after the current transaction commits (at once when there is none). */
  void afterCommit(Notification n) {
    if (!settings.enabled()) {
      return;
    }
    Mail mail = new Mail(n.getRecipientGroup(), n.getDossierId(), n.getSubject(), n.getBody());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          submit(mail);
        }
      });
    } else {
      submit(mail);
    }
  }

  private record Mail(String group, Long dossierId, String subject, String body) {}

  private record Recipient(String address, String name) {}

  private void submit(Mail mail) {
    try {
      executor.submit(() -> send(mail));
    } catch (RuntimeException e) {
      log.warn("Không gửi được thư thông báo \"{}\": {}", mail.subject(), e.toString());
    }
  }

  private void send(Mail mail) {
    try {
      JavaMailSender smtp = sender.getIfAvailable();
      if (smtp == null) {
        log.warn("hoctap.mail.enabled nhưng chưa cấu hình máy chủ thư (spring.mail.host): thư không được gửi");
        return;
      }
      List<Recipient> to = jdbc.query("select u.EMAIL_, u.FIRST_, u.LAST_ from ACT_ID_USER u"
          + " join ACT_ID_MEMBERSHIP m on m.USER_ID_ = u.ID_ where m.GROUP_ID_ = ? and u.EMAIL_ is not null"
          + " and u.EMAIL_ <> ''", (rs, i) -> new Recipient(rs.getString(1),
              ((rs.getString(3) == null ? "" : rs.getString(3)) + " " + (rs.getString(2) == null ? ""
                  : rs.getString(2))).trim()), mail.group());
      for (Recipient r : to) {
        try {
          MimeMessage m = smtp.createMimeMessage();
          MimeMessageHelper h = new MimeMessageHelper(m, false, StandardCharsets.UTF_8.name());
          h.setFrom(settings.from());
          h.setTo(r.address());
          h.setSubject("[hoctap] " + mail.subject());
          h.setText(text(mail, r.name()), false);
          smtp.send(m);
        } catch (Exception e) {
          log.warn("Không gửi được thư thông báo \"{}\" tới {}: {}", mail.subject(), r.address(), e.toString());
        }
      }
    } catch (RuntimeException e) {
      log.warn("Không gửi được thư thông báo \"{}\": {}", mail.subject(), e.toString());
    }
  }

  String text(Mail mail, String name) {
    StringBuilder b = new StringBuilder();
    b.append("Kính gửi ").append(name.isBlank() ? "anh/chị" : name).append(",\n\n");
    b.append(mail.subject()).append("\n\n").append(mail.body()).append("\n\n");
    if (mail.dossierId() != null) {
      b.append("Xem hồ sơ: ").append(settings.baseUrl()).append("/ho-so/").append(mail.dossierId()).append("\n");
    }
    b.append("Các thông báo của anh/chị: ").append(settings.baseUrl()).append("/thong-bao\n\n");
    b.append("Thư này do hệ thống hoctap gửi tự động, xin đừng trả lời thư.\n");
    return b.toString();
  }

  @PreDestroy
  void stop() {
    executor.shutdown();
  }
}
