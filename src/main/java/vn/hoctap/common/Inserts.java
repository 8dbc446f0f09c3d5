package vn.hoctap.common;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** An insert that answers the id the database generated for the new row (column "id"). */
public final class Inserts {

  private Inserts() {}

  public static long returningId(JdbcTemplate jdbc, String sql, Object... args) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement(sql, new String[] {"id"});
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps;
    }, keys);
    return keys.getKeyAs(Number.class).longValue();
  }
}
