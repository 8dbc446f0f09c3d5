package vn.hoctap.engine;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting on the engine right now: the logged-in user, or the engine itself (timers, jobs). */
public final class Actors {
  public static final String SYSTEM = "hệ thống";

  private Actors() {}

  public static String current(IdentityService identity) {
    Authentication a = identity.getCurrentAuthentication();
    return a == null || a.getUserId() == null ? SYSTEM : a.getUserId();
  }

  public static List<String> groups(IdentityService identity) {
    Authentication a = identity.getCurrentAuthentication();
    return a == null || a.getGroupIds() == null ? List.of() : a.getGroupIds();
  }
}
