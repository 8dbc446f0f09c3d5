package vn.hoctap.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.support.HoctapTest;

/**
 * A measurement, not a test (surefire's includes do not match the name; run it with
 * {@code mvn -o verify -Dtest=DashboardScale -Dsurefire.failIfNoSpecifiedTests=false}, add -DskipPostgresTests for
 * H2 only): a province of 15 districts × 15 communes × 10 units with 3 years of dossiers (6,750) and their
 * recognitions and escalations, bulk-inserted; prints how long the dashboard and the yearly report take. Asserts
 * nothing.
 */
@HoctapTest
class DashboardScale {

  @Autowired JdbcTemplate jdbc;
  @Autowired DashboardService dashboards;

  @Test
  void measure() {
    String p = "BP" + System.nanoTime() % 100000;
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("insert into org_unit (code, name, kind, public_unit, path, created_at) values (?, ?, 'PROVINCE',"
        + " true, ?, ?)", p, "Tỉnh đo " + p, "/" + p + "/", now);
    long pid = id(p);
    long setId = jdbc.queryForObject("select min(id) from criteria_set_version", Long.class);
    String[] kinds = {"PRESCHOOL", "PRIMARY", "LOWER_SECONDARY"};
    for (int d = 0; d < 15; d++) {
      String dc = p + "-D" + d;
      jdbc.update("insert into org_unit (code, name, kind, public_unit, parent_id, path, created_at) values"
          + " (?, ?, 'DISTRICT', true, ?, ?, ?)", dc, "Huyện đo " + d, pid, "/" + p + "/" + dc + "/", now);
      long did = id(dc);
      for (int c = 0; c < 15; c++) {
        String cc = dc + "-C" + c;
        String cpath = "/" + p + "/" + dc + "/" + cc + "/";
        jdbc.update("insert into org_unit (code, name, kind, public_unit, parent_id, path, created_at) values"
            + " (?, ?, 'COMMUNE', true, ?, ?, ?)", cc, "Xã đo " + c, did, cpath, now);
        long cid = id(cc);
        List<Object[]> units = new ArrayList<>();
        for (int u = 0; u < 10; u++) {
          String uc = cc + "-U" + u;
          units.add(new Object[] {uc, "Trường đo " + u, kinds[u % 3], cid, cpath + uc + "/", now});
        }
        jdbc.batchUpdate("insert into org_unit (code, name, kind, unit_kind, public_unit, parent_id, path,"
            + " created_at) values (?, ?, 'UNIT', ?, true, ?, ?, ?)", units);
        List<Long> unitIds = jdbc.queryForList("select id from org_unit where parent_id = ? and kind = 'UNIT'",
            Long.class, cid);
        List<Object[]> dossiers = new ArrayList<>();
        for (long uid : unitIds) {
          for (int year = 2024; year <= 2026; year++) {
            String status = year < 2026 ? (uid % 3 == 0 ? "REFUSED" : "RECOGNISED")
                : (uid % 4 == 0 ? "RETURNED" : "SUBMITTED");
            dossiers.add(new Object[] {uid, year, status, setId, did, did, year == 2026 ? uid + "-" + year : null,
                now, now});
          }
        }
        jdbc.batchUpdate("insert into dossier (title, unit_id, level, assessment_year, status, criteria_set_id,"
            + " receiving_org_id, signer_org_id, signer_title, decision_code, open_key, created_by, created_at,"
            + " updated_at) values ('LEARNING_UNIT', ?, 1, ?, ?, ?, ?, ?, 'Chủ tịch UBND huyện', 'QĐ-UBND', ?,"
            + " 'do', ?, ?)", dossiers);
      }
      jdbc.update("insert into recognition (dossier_id, unit_id, title, level, assessment_year, decision_no,"
          + " decision_date, decision_year, signer_org_id, signer_title, signed_by, valid_until, created_at)"
          + " select d.id, d.unit_id, 'LEARNING_UNIT', 1, d.assessment_year, cast(d.id as varchar(20)) || '/QĐ',"
          + " cast('2025-02-01' as date), d.assessment_year + 1, d.signer_org_id, 'Chủ tịch', 'do',"
          + " cast('2028-12-31' as date), d.created_at from dossier d where d.status = 'RECOGNISED'"
          + " and d.signer_org_id = ?", did);
      jdbc.update("insert into dossier_event (dossier_id, occurred_at, actor, action) select d.id, d.created_at,"
          + " 'hệ thống', 'ESCALATED' from dossier d where d.status = 'RETURNED' and d.signer_org_id = ?", did);
    }
    long dossiers = jdbc.queryForObject("select count(*) from dossier d join org_unit u on u.id = d.unit_id"
        + " where u.path like ?", Long.class, "/" + p + "/%");
    CurrentUser admin = new CurrentUser("admin", List.of("hoctap-admin"));
    System.out.printf("DashboardScale: province %s with %d dossiers%n", p, dossiers);
    time("dashboard, province", () -> dashboards.dashboard(admin, p, null));
    time("dashboard, province, 2026", () -> dashboards.dashboard(admin, p, 2026));
    time("dashboard, district", () -> dashboards.dashboard(admin, p + "-D3", null));
    time("dashboard, commune", () -> dashboards.dashboard(admin, p + "-D3-C4", null));
    time("dashboard, everything", () -> dashboards.dashboard(admin, null, null));
    time("yearly report data, province 2025", () -> dashboards.yearly(admin, p, 2025));
  }

  private long id(String code) {
    return jdbc.queryForObject("select id from org_unit where code = ?", Long.class, code);
  }

  private static void time(String what, Runnable r) {
    r.run();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long t = System.nanoTime();
      r.run();
      best = Math.min(best, System.nanoTime() - t);
    }
    System.out.printf("DashboardScale: %-36s best of 5: %6.1f ms%n", what, best / 1e6);
  }
}
