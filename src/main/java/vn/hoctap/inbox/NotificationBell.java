package vn.hoctap.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.hoctap.security.CurrentUser;

/**
 * The bell in the header of every page (fragments/page.html: ${@notificationBell.unread()}): the logged-in user's
 * unread notifications. A page never fails for it: on a database error the bell shows no number.
 */
@Component("notificationBell")
public class NotificationBell {

  private static final Logger log = LoggerFactory.getLogger(NotificationBell.class);

  private final NotificationReads reads;

  NotificationBell(NotificationReads reads) {
    this.reads = reads;
  }

  public long unread() {
    try {
      CurrentUser user = CurrentUser.get();
      return user == null ? 0 : reads.unread(user);
    } catch (RuntimeException e) {
      log.debug("bell: {}", e.toString());
      return 0;
    }
  }
}
