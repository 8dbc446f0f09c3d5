package vn.hoctap.inbox;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.hoctap.recognition.RecognitionService;
import vn.hoctap.admin.Roles;
import vn.hoctap.citizen.RoundKind;
import vn.hoctap.citizen.RoundStatus;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.PathPrefix;
import vn.hoctap.security.CurrentUser;

/**
 * The home page "Trang chủ" of a user: their roles in words, what waits for them, their bodies' dossiers and rounds
 * and the latest decisions in their area — each read with the same jurisdiction rule as the dossier pages.
 */
@Service
public class HomeService {

  public record Line(String subject, String detail, String status, String link) {}

  public record Home(String name, List<String> roles, InboxService.Page waiting, List<Line> dossiers, List<Line> rounds,
      List<Line> decisions, boolean admin, List<Line> awards) {}

  private final InboxService inbox;
  private final JdbcTemplate jdbc;
  private final OrgUnitRepository orgs;

  HomeService(InboxService inbox, JdbcTemplate jdbc, OrgUnitRepository orgs) {
    this.inbox = inbox;
    this.jdbc = jdbc;
    this.orgs = orgs;
  }

  public Home home(CurrentUser user) {
    List<String> roles = new ArrayList<>();
    List<OrgUnit> bodies = new ArrayList<>();
    for (String g : user.groups()) {
      if (g.equals(Groups.ADMIN)) {
        roles.add("Quản trị hoctap");
        continue;
      }
      if (g.equals(Groups.CAMUNDA_ADMIN)) {
        roles.add("Quản trị quy trình");
        continue;
      }
      Groups.orgOfRoleGroup(g).flatMap(orgs::findByCode).ifPresent(o -> {
        String role = g.substring(0, g.length() - o.getCode().length() - 1);
        roles.add(Roles.label(role) + " — " + o.getName());
        // a citizen's own role names where they self-assess; it shows none of that body's work
        if (!Groups.isCitizenGroup(g)) {
          bodies.add(o);
        }
      });
    }
    Map<Long, OrgUnit> unique = bodies.stream().collect(Collectors.toMap(OrgUnit::getId, Function.identity(),
        (a, b) -> a));
    List<Long> ids = List.copyOf(unique.keySet());
    List<String> paths = unique.values().stream().map(OrgUnit::getPath).distinct().toList();
    return new Home(inbox.names(List.of(user.id())).getOrDefault(user.id(), ""), roles, inbox.top(user, 5), dossiers(ids), rounds(ids), decisions(user, paths), user.admin(), awards(ids));
  }

  /** The dossiers of the user's own bodies, or received or signed by them: the ten last changed. */
  List<Line> dossiers(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String in = InboxService.marks(ids.size());
    List<Object> args = new ArrayList<>(ids);
    args.addAll(ids);
    args.addAll(ids);
    return jdbc.query("select d.id, d.title, d.level, d.assessment_year, d.status, u.name from dossier d"
        + " join org_unit u on u.id = d.unit_id where d.unit_id in (" + in + ") or d.receiving_org_id in (" + in
        + ") or d.signer_org_id in (" + in + ") order by d.updated_at desc, d.id desc limit 10", (rs, i) -> new Line(
            rs.getString(6), Title.valueOf(rs.getString(2)).label() + " mức " + rs.getInt(3) + ", năm "
                + rs.getInt(4) + " — hồ sơ số " + rs.getLong(1), DossierStatus.valueOf(rs.getString(5)).label(),
            "/ho-so/" + rs.getLong(1)), args.toArray());
  }

  /** The assessment rounds of the user's bodies, or decided by them: the ten newest, each linked to its page. */
  List<Line> rounds(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String in = InboxService.marks(ids.size());
    List<Object> args = new ArrayList<>(ids);
    args.addAll(ids);
    return jdbc.query("select r.id, r.assessment_year, r.status, u.name, r.kind from assessment_round r join org_unit u"
        + " on u.id = r.org_id where r.org_id in (" + in + ") or r.decider_org_id in (" + in + ")"
        + " order by r.id desc limit 10", (rs, i) -> new Line(rs.getString(4), RoundKind.valueOf(rs.getString(5))
            .label() + " năm " + rs.getInt(2), RoundStatus.valueOf(rs.getString(3)).label(),
            "/dot-danh-gia/" + rs.getLong(1)), args.toArray());
  }

  /** The award proposal lists of the user's bodies, or before their councils: the five newest. */
  List<Line> awards(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String in = InboxService.marks(ids.size());
    List<Object> args = new ArrayList<>(ids);
    args.addAll(ids);
    List<Line> lines = jdbc.query("select p.id, p.form, p.period_year, u.name, (select count(*) from award_candidate c"
        + " where c.proposal_id = p.id) from award_proposal p join org_unit u on u.id = p.proposer_org_id"
        + " where p.proposer_org_id in (" + in + ") or exists (select 1 from award_candidate c where c.proposal_id"
        + " = p.id and c.current_body_id in (" + in + ")) order by p.id desc limit 5", (rs, i) -> new Line(
            rs.getString(4), vn.hoctap.award.AwardForm.valueOf(rs.getString(2)).label() + " năm " + rs.getInt(3)
                + " — danh sách số " + rs.getLong(1) + ", " + rs.getInt(5) + " người, tập thể", null,
            "/khen-thuong/" + rs.getLong(1)), args.toArray());
    List<Line> out = new ArrayList<>();
    for (Line l : lines) {
      long id = Long.parseLong(l.link().substring(l.link().lastIndexOf('/') + 1));
      List<String> words = jdbc.query("select status, count(*) from award_candidate where proposal_id = ?"
          + " group by status", (rs, i) -> vn.hoctap.award.CandidateStatus.valueOf(rs.getString(1)).label() + ": "
          + rs.getInt(2), id);
      out.add(new Line(l.subject(), l.detail(), String.join("; ", words), l.link()));
    }
    return out;
  }

  /** The latest recognition decisions of units in the user's area (all, for an administrator). */
  List<Line> decisions(CurrentUser user, List<String> paths) {
    if (!user.admin() && paths.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>();
    String where = "";
    if (!user.admin()) {
      List<String> or = new ArrayList<>();
      for (String p : paths) {
        or.add(PathPrefix.like("u.path"));
        args.add(PathPrefix.pattern(p));
      }
      where = " where (" + String.join(" or ", or) + ")";
    }
    return jdbc.query("select r.dossier_id, r.title, r.level, r.assessment_year, r.decision_no, r.decision_date,"
        + " u.name from recognition r join org_unit u on u.id = r.unit_id"
        + (where.isEmpty() ? " where " : where + " and ") + RecognitionService.notRevoked("r")
        + " order by r.decision_date desc, r.id desc limit 10", (rs, i) -> new Line(rs.getString(7),
            Title.valueOf(rs.getString(2)).label() + " mức " + rs.getInt(3) + ", năm " + rs.getInt(4),
            "Quyết định số " + rs.getString(5) + " ngày " + vn.hoctap.common.Dates.vn(rs.getObject(6,
                LocalDate.class)), "/ho-so/" + rs.getLong(1)), args.toArray());
  }
}
