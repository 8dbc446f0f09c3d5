package vn.hoctap.recognition;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-mail of notifications (hoctap.mail.*): off by default; the SMTP server itself is Spring's spring.mail.*.
 * Links in the mails start with baseUrl (the address users open hoctap at).
 */
@ConfigurationProperties("hoctap.mail")
public record MailSettings(boolean enabled, String from, String baseUrl) {

  public MailSettings {
    from = from == null || from.isBlank() ? "hoctap <khong-tra-loi@hoctap.local>" : from;
    baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
  }
}
