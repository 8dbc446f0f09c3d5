package vn.hoctap.recognition;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.EngineClock;

/**
 * Notifications are stored in the same transaction as the step that causes them, so a rolled-back step sends
 * nothing and a committed one sends exactly once. E-mail to the group's members goes out after the commit (NotificationMail).
 */
@Service
public class NotificationService {

  private final NotificationRepository notifications;
  private final EngineClock clock;
  private final NotificationMail mail;

  NotificationService(NotificationRepository notifications, EngineClock clock, NotificationMail mail) {
    this.notifications = notifications;
    this.clock = clock;
    this.mail = mail;
  }

  @Transactional
  public void notify(Long dossierId, String group, String kind, String subject, String body) {
    mail.afterCommit(notifications.save(new Notification(dossierId, group, kind, subject, body, clock.now())));
  }

  @Transactional(readOnly = true)
  public List<Notification> forDossier(Long dossierId) {
    return notifications.findByDossierIdOrderById(dossierId);
  }

  @Transactional(readOnly = true)
  public List<Notification> forGroups(Collection<String> groups) {
    return groups.isEmpty() ? List.of() : notifications.findTop100ByRecipientGroupInOrderByIdDesc(groups);
  }
}
