package vn.hoctap.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hà Nội as the benchmarks need it: the demo's Huyện Thanh Trì (phonggd, chutichhuyen) plus more districts, each
 * with a reviewer (Phòng GDĐT) and a signer (Chủ tịch UBND), and fresh primary schools spread over them, each
 * with its own assessment team member and head (one open dossier per unit and year, so one unit per chain).
 * Org units are written with SQL into the application's table (fast, and no compile-time tie to the entity);
 * users, groups and memberships go through the engine's IdentityService, as the application creates them.
 */
final class Province {

  static final String PASSWORD = "hoctap-demo"; // DemoData.PASSWORD: every demo and fixture user
  static final String PROVINCE = "HN";
  static final String DEMO_DISTRICT = "HN-TT";

  record District(String code, String reviewer, String signer) {
    String reviewerGroup() {
      return "reviewer-" + code;
    }

    String signerGroup() {
      return "signer-" + code;
    }

    /** The head of the receiving body (Trưởng phòng GDĐT), who sets up the Hội đồng đánh giá and chairs it. */
    String director() {
      return code.equals(DEMO_DISTRICT) ? "truongphong" : "tp." + code.toLowerCase();
    }

    String directorGroup() {
      return "director-" + code;
    }

    /** The council's secretary (group secretary-), who records the minutes. */
    String secretary() {
      return "tk." + code.toLowerCase();
    }

    String secretaryGroup() {
      return "secretary-" + code;
    }

    /** The council's other three members (group council-): five with the chair and the secretary. */
    List<String> councilMembers() {
      return List.of("hd1." + code.toLowerCase(), "hd2." + code.toLowerCase(), "hd3." + code.toLowerCase());
    }

    String councilGroup() {
      return "council-" + code;
    }

    /** Chair, secretary, members: the five people of the council. */
    List<String> council() {
      List<String> all = new ArrayList<>(List.of(director(), secretary()));
      all.addAll(councilMembers());
      return all;
    }
  }

  record Unit(String code, District district, String team, String head) {
    String teamGroup() {
      return "team-" + code;
    }

    String headGroup() {
      return "head-" + code;
    }
  }

  final List<District> districts = new ArrayList<>();
  private final JdbcTemplate jdbc;
  private final IdentityService identity;
  private int unitSeq;

  Province(JdbcTemplate jdbc, IdentityService identity) {
    this.jdbc = jdbc;
    this.identity = identity;
  }

  /** The demo district plus count - 1 new ones under HN. */
  Province withDistricts(int count) {
    districts.add(new District(DEMO_DISTRICT, "phonggd", "chutichhuyen"));
    List<Object[]> rows = new ArrayList<>();
    long hn = orgId(PROVINCE);
    for (int i = 1; i < count; i++) {
      String code = String.format("HN-Q%02d", i);
      rows.add(new Object[] {code, "Quận / huyện thử " + i, "DISTRICT", null, hn, "/HN/" + code + "/"});
      District d = new District(code, "pgd." + code.toLowerCase(), "ct." + code.toLowerCase());
      districts.add(d);
    }
    insertOrgs(rows);
    for (District d : districts.subList(1, districts.size())) {
      user(d.reviewer(), d.reviewerGroup());
      user(d.signer(), d.signerGroup());
      user(d.director(), d.directorGroup());
    }
    // the people of each Phòng GDĐT who sit on its Hội đồng đánh giá (the demo district has its Trưởng phòng)
    for (District d : districts) {
      user(d.secretary(), d.secretaryGroup());
      for (String m : d.councilMembers()) {
        user(m, d.councilGroup());
      }
    }
    return this;
  }

  /** New primary schools (district level), round robin over the districts, with their users. */
  List<Unit> newUnits(int count, boolean withUsers) {
    List<Unit> units = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      District d = districts.get(unitSeq % districts.size());
      String code = d.code() + "-B" + (++unitSeq);
      long parent = orgId(d.code());
      rows.add(new Object[] {code, "Trường Tiểu học thử " + code, "UNIT", "PRIMARY", parent,
          "/HN/" + d.code() + "/" + code + "/"});
      units.add(new Unit(code, d, "t." + code.toLowerCase(), "h." + code.toLowerCase()));
    }
    insertOrgs(rows);
    if (withUsers) {
      for (Unit u : units) {
        user(u.team(), u.teamGroup());
        user(u.head(), u.headGroup());
      }
    }
    return units;
  }

  private final java.util.Map<String, Long> ids = new java.util.HashMap<>();

  private long orgId(String code) {
    return ids.computeIfAbsent(code, c -> jdbc.queryForObject("select id from org_unit where code = ?",
        Long.class, c));
  }

  private void insertOrgs(List<Object[]> rows) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> withTime = rows.stream().map(r -> new Object[] {r[0], r[1], r[2], r[3], r[4], r[5], now})
        .toList();
    jdbc.batchUpdate("insert into org_unit (code, name, kind, unit_kind, public_unit, parent_id, path, created_at)"
        + " values (?, ?, ?, ?, true, ?, ?, ?)", withTime);
  }

  private void user(String id, String groupId) {
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group g = identity.newGroup(groupId);
      g.setName(groupId);
      g.setType("WORKFLOW");
      identity.saveGroup(g);
    }
    if (identity.createUserQuery().userId(id).count() > 0) {
      if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
        identity.createMembership(id, groupId);
      }
      return;
    }
    User u = identity.newUser(id);
    u.setFirstName("Thử");
    u.setLastName("Người");
    u.setEmail(id + "@bench.hoctap.vn");
    u.setPassword(PASSWORD);
    identity.saveUser(u);
    identity.createMembership(id, groupId);
  }
}
