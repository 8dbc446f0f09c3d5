package vn.hoctap.citizen;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.DomainException.Problem;
import vn.hoctap.common.EngineClock;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.PersonNames;

/**
 * A citizen's own self-assessment (tự đánh giá "Công dân học tập", QĐ 324/QĐ-KHVN): the person fills the form of
 * their population in a round of their unit or commune, and their entry is stored in the round's list exactly as a
 * row of the unit's spreadsheet would be ({@link RoundService#saveEntry}: the same checks, scoring and history),
 * under their personal identification number and name, marked as their own ({@code self_assessed}). They may
 * change it while the round is being prepared, or when the council returned their entry; afterwards they read it
 * with the round's outcome. They see their own entries only: rounds of the bodies where they hold the role
 * "Công dân", found by their number.
 */
@Service
public class SelfAssessment {

  public static final String SUBJECT = "doiTuong";
  public static final String BIRTH_YEAR = "namSinh";
  public static final String JUDGEMENT = "nhanDinh";
  public static final String VERSION = "phienBan";
  /** Score fields are named "diem_" + the indicator's code ("diem_NL1.1"). */
  public static final String SCORE = "diem_";

  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

  /** The person: their account, number and the bodies of their "Công dân" roles. */
  public record Me(String userId, String name, String identityNo, List<OrgUnit> bodies) {}

  /** One round in the person's list. */
  public record Line(long roundId, String title, String body, String status, String mine, boolean editable) {}

  public record Overview(Me me, List<Line> open, List<Line> past) {}

  /** One criterion on the form. */
  public record Item(String code, String text, String max, boolean pending, String field) {}

  /** A competency group (nhóm năng lực) of the form. */
  public record Group(String name, List<Item> items) {}

  /** One row of the result table: the criterion, its maximum, the score and whether it is below the minimum. */
  public record ScoreRow(String code, String text, String max, String score, boolean below) {}

  /** The result of an entry, explaining itself. */
  public record Result(String total, String maxTotal, boolean passed, List<String> reasons, List<ScoreRow> rows) {}

  /** Everything the form page shows. */
  public record Form(Round round, String title, String statusLabel, boolean editable, Subject subject,
      List<Subject> subjects, boolean subjectFixed, List<Group> groups, boolean needsJudgement, String passRule,
      String source, Optional<RoundEntry> entry, Result result, String outcome, String returnReason,
      String version, String birthYear, Map<String, String> scores, String judgement) {}

  private final RoundService rounds;
  private final RoundCriteria criteria;
  private final CitizenIdentities identities;
  private final OrgUnitRepository orgs;
  private final PersonNames names;
  private final JdbcTemplate jdbc;

  SelfAssessment(RoundService rounds, RoundCriteria criteria, CitizenIdentities identities, OrgUnitRepository orgs,
      PersonNames names, JdbcTemplate jdbc) {
    this.rounds = rounds;
    this.criteria = criteria;
    this.identities = identities;
    this.orgs = orgs;
    this.names = names;
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Me me(CurrentUser user) {
    List<OrgUnit> bodies = new ArrayList<>();
    for (String g : user.groups()) {
      if (Groups.isCitizenGroup(g)) {
        orgs.findByCode(g.substring(Groups.CITIZEN.length() + 1)).ifPresent(bodies::add);
      }
    }
    bodies.sort(Comparator.comparing(OrgUnit::getName));
    return new Me(user.id(), names.of(user.id()), identities.identityOf(user.id()).orElse(null), bodies);
  }

  /** The rounds open to the person's self-assessment, and their entries in the others (newest first). */
  @Transactional(readOnly = true)
  public Overview overview(CurrentUser user) {
    Me me = me(user);
    List<Line> open = new ArrayList<>();
    List<Line> past = new ArrayList<>();
    for (Round r : roundsOf(me)) {
      Optional<RoundEntry> e = me.identityNo() == null ? Optional.empty() : rounds.entry(r.id(), me.identityNo());
      boolean editable = editable(r, e);
      if (!editable && e.isEmpty()) {
        continue; // a round of their body that went on without them: nothing of theirs to show
      }
      Line line = new Line(r.id(), "Công dân học tập năm " + r.assessmentYear(), r.orgName(), r.status().label(),
          mine(r, e), editable);
      (editable ? open : past).add(line);
    }
    return new Overview(me, open, past);
  }

  private List<Round> roundsOf(Me me) {
    if (me.bodies().isEmpty()) {
      return List.of();
    }
    List<Object> ids = new ArrayList<>();
    for (OrgUnit o : me.bodies()) {
      ids.add(o.getId());
    }
    return jdbc.query(RoundService.ROUND_SQL + " where r.kind = 'CITIZEN' and r.org_id in ("
        + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")"
        + " order by r.assessment_year desc, r.id desc limit 100", RoundService.ROUND, ids.toArray());
  }

  /** Open while the round is being prepared, or when the council returned this very entry. */
  static boolean editable(Round r, Optional<RoundEntry> e) {
    return r.status() == RoundStatus.PREPARING
        || r.status() == RoundStatus.RETURNED && e.isPresent() && e.get().returnReason() != null;
  }

  private static String mine(Round r, Optional<RoundEntry> e) {
    if (e.isEmpty()) {
      return "Chưa tự đánh giá";
    }
    RoundEntry x = e.get();
    String score = plain(x.total()) + " điểm";
    if (r.status() == RoundStatus.RECOGNISED) {
      return x.recognised() ? "Được công nhận (quyết định số " + r.decisionNo() + ")"
          : "Không được công nhận (" + score + ")";
    }
    if (r.status() == RoundStatus.REFUSED) {
      return "Đợt không được công nhận";
    }
    if (x.returnReason() != null) {
      return "Được trả lại để sửa";
    }
    return (x.passed() ? "Đạt" : "Chưa đạt") + ", " + score + (x.selfAssessed() ? "" : " (theo danh sách của đơn vị)");
  }

  /**
   * The round as the person sees it; 404 for a round that is not of one of their bodies (or not "Công dân học
   * tập"), as for one that does not exist.
   */
  @Transactional(readOnly = true)
  public Round round(CurrentUser user, long roundId) {
    return round(me(user), roundId);
  }

  private Round round(Me me, long roundId) {
    Round r;
    try {
      r = rounds.get(roundId);
    } catch (DomainException e) {
      throw notFound(roundId);
    }
    if (r.kind() != RoundKind.CITIZEN || me.bodies().stream().noneMatch(o -> o.getId() == r.orgId())) {
      throw notFound(roundId);
    }
    return r;
  }

  private static DomainException notFound(long roundId) {
    return DomainException.notFound("Không tìm thấy đợt đánh giá số " + roundId + " của bạn.");
  }

  /**
   * The form page. {@code typed} are the values the person sent (kept after a refusal); null shows what is stored.
   */
  // not read-only: the first use of a criteria sheet after a start stores the bundled sheets (RoundCriteria)
  @Transactional
  public Form form(CurrentUser user, long roundId, String wantedSubject, Typed typed) {
    Me me = me(user);
    Round r = round(me, roundId);
    Optional<RoundEntry> e = me.identityNo() == null ? Optional.empty() : rounds.entry(roundId, me.identityNo());
    boolean editable = me.identityNo() != null && editable(r, e);
    List<Subject> subjects = rounds.route(r).subjects().stream().sorted().toList();
    Subject subject = e.map(RoundEntry::subject).orElse(null);
    boolean fixed = subject != null;
    if (subject == null) {
      subject = parse(typed != null ? typed.subject() : wantedSubject, subjects);
    }
    if (subject == null && subjects.size() == 1) {
      subject = subjects.get(0);
    }
    if (subject == null && me.identityNo() != null) {
      subject = lastSubject(me.identityNo(), subjects);
    }
    ScoreSheet sheet = subject == null ? null
        : e.filter(x -> !editable).map(x -> criteria.byId(x.criteriaId())).orElse(criteria.current(subject).sheet());
    List<Group> groups = new ArrayList<>();
    if (sheet != null) {
      Map<String, List<Item>> byGroup = new LinkedHashMap<>();
      for (ScoreSheet.Item i : sheet.indicators()) {
        byGroup.computeIfAbsent(i.group(), k -> new ArrayList<>()).add(new Item(i.code(), i.text(), plain(i.max()),
            !i.confirmed(), SCORE + i.code()));
      }
      byGroup.forEach((k, v) -> groups.add(new Group(k, v)));
    }
    Map<String, String> scores = new LinkedHashMap<>();
    String birthYear;
    String judgement;
    if (typed != null) {
      scores.putAll(typed.scores());
      birthYear = typed.birthYear();
      judgement = typed.judgement();
    } else {
      e.ifPresent(x -> x.scores().forEach((k, v) -> scores.put(k, plain(v))));
      birthYear = e.map(RoundEntry::birthYear).or(() -> me.identityNo() == null ? Optional.empty()
          : lastBirthYear(me.identityNo())).map(String::valueOf).orElse("");
      judgement = e.map(RoundEntry::judgement).orElse(null);
    }
    Result result = e.map(x -> result(criteria.byId(x.criteriaId()), x)).orElse(null);
    return new Form(r, "Tự đánh giá Công dân học tập năm " + r.assessmentYear() + " — " + r.orgName(),
        r.status().label(), editable, subject, subjects, fixed, groups, sheet != null && sheet.needsJudgement(),
        sheet == null ? null : passRule(sheet), sheet == null ? null : sheet.source(), e, result,
        outcome(r, e, editable), e.filter(x -> editable).map(RoundEntry::returnReason).orElse(null),
        version(roundId, me.identityNo()), birthYear, scores, judgement);
  }

  /** What the person typed, kept on the page after a refusal. */
  public record Typed(String subject, String birthYear, Map<String, String> scores, String judgement,
      String version) {}

  /**
   * Saves the person's entry in the round, through the round's own entry rules. Refused whole when anything is
   * wrong (each problem names its field), when the round has moved on, or when the entry was changed since the
   * person opened the page (by the unit's staff, or by themselves in another window): then they are told by whom
   * and keep what they typed.
   */
  @Transactional
  public RoundEntry save(CurrentUser user, long roundId, Typed typed) {
    Me me = me(user);
    round(me, roundId);
    if (me.identityNo() == null) {
      throw DomainException.rule(NO_IDENTITY);
    }
    Round r = rounds.lock(roundId);
    Optional<RoundEntry> existing = rounds.entry(roundId, me.identityNo());
    List<Subject> subjects = rounds.route(r).subjects().stream().sorted().toList();
    Subject subject = existing.map(RoundEntry::subject).orElse(parse(typed.subject(), subjects));
    if (subject == null) {
      throw DomainException.badInputOf("Chưa lưu gì: hãy chọn nhóm đối tượng của bạn.", List.of(new Problem(SUBJECT,
          "Chọn một nhóm: " + String.join("; ", subjects.stream().map(Subject::label).toList()) + ".")));
    }
    String now = version(roundId, me.identityNo());
    if (!now.equals(typed.version() == null ? "" : typed.version())) {
      Map<String, Object> row = jdbc.queryForMap("select updated_by, updated_at, total from round_entry"
          + " where round_id = ? and identity_no = ?", roundId, me.identityNo());
      String by = (String) row.get("updated_by");
      String who = by.equals(user.id()) ? "chính bạn (ở một cửa sổ khác)" : names.of(by);
      String at = AT.format(ZonedDateTime.ofInstant(((Timestamp) row.get("updated_at")).toInstant(), EngineClock.ZONE));
      throw DomainException.conflict("Chưa lưu: phiếu của bạn trong đợt này vừa được " + who + " lưu lúc " + at
          + " (tổng " + plain((BigDecimal) row.get("total")) + " điểm). Những gì bạn vừa nhập vẫn còn trên trang:"
          + " xem lại, rồi bấm \"Lưu phiếu\" lần nữa nếu vẫn muốn thay.");
    }
    RoundEntry saved = rounds.saveEntry(roundId, subject, me.identityNo(), me.name(), typed.birthYear(),
        typed.scores(), typed.judgement(), user.id());
    jdbc.update("update round_entry set self_assessed = true where id = ?", saved.id());
    return rounds.entry(roundId, me.identityNo()).orElseThrow();
  }

  static final String NO_IDENTITY = "Tài khoản của bạn chưa gắn số định danh cá nhân (CCCD), nên chưa tìm được phiếu"
      + " của bạn trong danh sách. Hãy đề nghị đơn vị hoặc UBND xã, phường nơi bạn tự đánh giá bổ sung số này.";

  /** "When and by whom" of the person's entry: empty while they have none. */
  private String version(long roundId, String identityNo) {
    if (identityNo == null) {
      return "";
    }
    return jdbc.query("select updated_at, updated_by from round_entry where round_id = ? and identity_no = ?",
        (rs, i) -> rs.getTimestamp(1).toInstant() + "|" + rs.getString(2), roundId, identityNo).stream().findFirst()
        .orElse("");
  }

  private Subject lastSubject(String identityNo, List<Subject> allowed) {
    return jdbc.queryForList("select e.subject from round_entry e where e.identity_no = ? order by e.updated_at desc"
        + " limit 5", String.class, identityNo).stream().map(Subject::valueOf).filter(allowed::contains).findFirst()
        .orElse(null);
  }

  private Optional<Integer> lastBirthYear(String identityNo) {
    return jdbc.queryForList("select birth_year from round_entry where identity_no = ? and birth_year is not null"
        + " order by updated_at desc limit 1", Integer.class, identityNo).stream().findFirst();
  }

  private static Subject parse(String s, List<Subject> allowed) {
    if (s == null) {
      return null;
    }
    return allowed.stream().filter(x -> x.name().equals(s.strip())).findFirst().orElse(null);
  }

  static String passRule(ScoreSheet sheet) {
    ScoreSheet.PassRule p = sheet.passRule();
    if (!p.confirmed()) {
      return "Ngưỡng đạt " + ScoreSheet.PENDING + ": kết quả theo nhận định Đạt / Không đạt của người đánh giá.";
    }
    return "Đạt khi tổng điểm từ " + plain(p.minTotal()) + (p.maxTotal() == null ? "" : "/" + plain(p.maxTotal()))
        + " trở lên và không chỉ tiêu nào dưới " + plain(p.minPerIndicator()) + " điểm.";
  }

  /** The score, the pass rule's verdict and, criterion by criterion, what fell short of which threshold. */
  static Result result(ScoreSheet sheet, RoundEntry e) {
    ScoreSheet.PassRule rule = sheet.passRule();
    List<String> reasons = new ArrayList<>();
    List<ScoreRow> rows = new ArrayList<>();
    for (ScoreSheet.Item i : sheet.indicators()) {
      BigDecimal v = e.scores().get(i.code());
      boolean below = rule.confirmed() && v != null && v.compareTo(rule.minPerIndicator()) < 0;
      rows.add(new ScoreRow(i.code(), i.text(), plain(i.max()), v == null ? "—" : plain(v), below));
      if (below) {
        reasons.add("Chỉ tiêu " + i.code() + " (" + i.text() + "): " + plain(v) + " điểm, dưới mức tối thiểu "
            + plain(rule.minPerIndicator()) + " điểm của mỗi chỉ tiêu.");
      }
    }
    String max = rule.maxTotal() == null ? null : plain(rule.maxTotal());
    if (!rule.confirmed()) {
      reasons.add(0, e.explanation());
    } else {
      boolean totalOk = e.total().compareTo(rule.minTotal()) >= 0;
      reasons.add(0, "Tổng điểm " + plain(e.total()) + (max == null ? "" : "/" + max) + (totalOk
          ? ": đạt mức từ " + plain(rule.minTotal()) + " điểm trở lên."
          : ": dưới mức " + plain(rule.minTotal()) + " điểm cần đạt."));
      if (rows.stream().noneMatch(ScoreRow::below)) {
        reasons.add("Không chỉ tiêu nào dưới " + plain(rule.minPerIndicator()) + " điểm.");
      }
    }
    return new Result(plain(e.total()), max, e.passed(), reasons, rows);
  }

  private String outcome(Round r, Optional<RoundEntry> e, boolean editable) {
    String org = r.orgName();
    return switch (r.status()) {
      case PREPARING -> editable
          ? "Phiếu đang mở: bạn sửa và lưu lại được cho đến khi " + org + " chuyển danh sách sang Hội đồng xét duyệt."
          : NO_IDENTITY;
      case RETURNED -> editable
          ? "Hội đồng trả lại phiếu của bạn để sửa (lý do dưới đây). Sửa rồi lưu lại; sau đó " + org
              + " gửi danh sách xét duyệt lại."
          : "Hội đồng đang cho sửa một số mục khác; phiếu của bạn không bị trả lại, không cần sửa.";
      case IN_REVIEW -> "Danh sách đang được Hội đồng xét duyệt: phiếu không sửa được nữa.";
      case AWAITING_DECISION -> "Hội đồng đã duyệt danh sách; đang chờ " + r.deciderTitle()
          + " ra quyết định công nhận.";
      case RECOGNISED -> e.isPresent() && e.get().recognised()
          ? "Bạn được công nhận danh hiệu \"Công dân học tập\" năm " + r.assessmentYear() + " theo Quyết định số "
              + r.decisionNo() + " ngày " + Dates.vn(r.decisionDate()) + " của " + r.deciderTitle() + "."
          : "Quyết định số " + r.decisionNo() + " ngày " + Dates.vn(r.decisionDate()) + " của " + r.deciderTitle()
              + " không công nhận bạn trong đợt này: phiếu chưa đạt (lý do dưới đây).";
      case REFUSED -> r.deciderTitle() + " không công nhận đợt đánh giá này" + refusal(r.id()) + ".";
    };
  }

  private String refusal(long roundId) {
    return jdbc.queryForList("select comment from round_event where round_id = ? and action = 'REFUSED'"
        + " and comment is not null order by id desc", String.class, roundId).stream().findFirst()
        .map(c -> ": " + c).orElse("");
  }

  static String plain(BigDecimal d) {
    return d == null ? "" : ScoreSheet.plain(d);
  }
}
