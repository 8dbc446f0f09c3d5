package vn.hoctap.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.hoctap.security.CurrentUser;

/**
 * People's names ("Lê Văn Cường") by login, for every page: never a login where a name belongs. One query per
 * page for all the names it shows; a login without a name in the identity store stays as it is.
 */
@Component("personNames")
public class PersonNames {

  private final NamedParameterJdbcTemplate jdbc;

  public PersonNames(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The names of these logins (nulls ignored); logins without a name are left out. */
  public Map<String, String> of(Collection<String> logins) {
    Set<String> ids = new TreeSet<>();
    logins.stream().filter(id -> id != null && !id.isBlank()).forEach(ids::add);
    Map<String, String> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    jdbc.query("select ID_, FIRST_, LAST_ from ACT_ID_USER where ID_ in (:ids)", Map.of("ids", ids), rs -> {
      String first = rs.getString(2);
      String last = rs.getString(3);
      String full = ((last == null ? "" : last) + " " + (first == null ? "" : first)).strip();
      if (!full.isEmpty()) {
        names.put(rs.getString(1), full);
      }
    });
    return names;
  }

  /** One person's name, or their login if they have none. */
  public String of(String login) {
    return login == null ? null : of(List.of(login)).getOrDefault(login, login);
  }

  /** The logged-in user's name, for the page header. */
  public String current() {
    CurrentUser u = CurrentUser.get();
    return u == null ? null : of(u.id());
  }
}
