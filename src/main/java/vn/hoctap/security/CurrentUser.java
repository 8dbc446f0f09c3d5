package vn.hoctap.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.hoctap.org.Groups;

/** The logged-in user of a request of our API, with the groups their roles come from. */
public record CurrentUser(String id, List<String> groups) {

  public static CurrentUser get() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    if (a == null || !a.isAuthenticated()) {
      return null;
    }
    return new CurrentUser(a.getName(), a.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
  }

  public boolean admin() {
    return groups.contains(Groups.ADMIN) || groups.contains(Groups.CAMUNDA_ADMIN);
  }

  /**
   * A person who holds only their own "Công dân" role(s): they see their self-assessment and nothing else
   * ({@link CitizenOnlyPaths}). Someone who also works for a body is not, and keeps that work.
   */
  public boolean citizenOnly() {
    return citizenOnly(groups);
  }

  public static boolean citizenOnly(List<String> groups) {
    return groups != null && !groups.isEmpty() && groups.stream().allMatch(Groups::isCitizenGroup);
  }

  /** Holds a "Công dân" role somewhere (possibly besides work for a body). */
  public boolean citizen() {
    return groups.stream().anyMatch(Groups::isCitizenGroup);
  }

  public boolean inAny(String... candidates) {
    for (String c : candidates) {
      if (groups.contains(c)) {
        return true;
      }
    }
    return false;
  }
}
