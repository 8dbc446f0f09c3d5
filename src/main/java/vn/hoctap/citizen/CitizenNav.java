package vn.hoctap.citizen;

import org.springframework.stereotype.Component;
import vn.hoctap.security.CurrentUser;

/**
 * The header's links for people with a "Công dân" role (fragments/page.html: ${@citizenNav…}): "Tự đánh giá" for
 * them, and none of the staff's links for someone who is only a citizen.
 */
@Component("citizenNav")
public class CitizenNav {

  public boolean citizen() {
    CurrentUser u = CurrentUser.get();
    return u != null && u.citizen();
  }

  public boolean citizenOnly() {
    CurrentUser u = CurrentUser.get();
    return u != null && u.citizenOnly();
  }
}
