package vn.hoctap.security.sso;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The HTTP sessions this node holds, by id, so that a back-channel logout ({@link SsoBackChannelLogout}) can end a
 * session the provider names without a request of that browser. Also publishes the servlet container's session
 * events to Spring (what keeps Spring Security's registry of provider sessions in step when a session ends or
 * changes its id at login). Spring Boot registers it as a servlet listener.
 */
@Component
public class SsoSessions extends HttpSessionEventPublisher {

  private final Map<String, HttpSession> live = new ConcurrentHashMap<>();

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    live.put(event.getSession().getId(), event.getSession());
    super.sessionCreated(event);
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    live.remove(event.getSession().getId());
    super.sessionDestroyed(event);
  }

  @Override
  public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
    live.remove(oldSessionId);
    live.put(event.getSession().getId(), event.getSession());
    super.sessionIdChanged(event, oldSessionId);
  }

  Optional<HttpSession> byId(String id) {
    return Optional.ofNullable(live.get(id));
  }
}
