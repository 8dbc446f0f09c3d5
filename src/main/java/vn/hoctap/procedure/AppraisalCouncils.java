package vn.hoctap.procedure;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.web.PersonNames;

/**
 * Hội đồng đánh giá of a dossier (TT24 Điều 10 K2 b–đ, Điều 16 K2; TT25 Điều 9 K2, Điều 14, Điều 19 K2): set up by
 * the head of the receiving body with a chair, a secretary and members — an odd number of people, at least 5, except
 * the Ministry's council which has no minimum — it meets (the secretary records the minutes and the votes) or
 * collects each member's written opinion. How many votes make "đạt" is not in the circulars: the rule is data
 * ({@code appraisal_council_rule}), default more than half of all members, shown "chờ xác nhận văn bản".
 */
@Service
public class AppraisalCouncils {

  public static final String MEETING = "MEETING";
  public static final String WRITTEN = "WRITTEN";
  public static final String CHAIR = "CHAIR";
  public static final String SECRETARY = "SECRETARY";
  public static final String MEMBER = "MEMBER";
  public static final String PASS = "PASS";
  public static final String FAIL = "FAIL";
  public static final String PASSED = "PASSED";
  public static final String FAILED = "FAILED";
  /** The note every page and document shows next to a rule the texts do not set (ARCHITECTURE, LEGAL-TEXTS §5). */
  public static final String UNCONFIRMED = "chờ xác nhận văn bản";

  public record Member(String userId, String name, String role, Boolean present, String opinion, String comment) {
    public String roleLabel() {
      return switch (role) {
        case CHAIR -> "Chủ tịch Hội đồng";
        case SECRETARY -> "Thư ký";
        default -> "Ủy viên";
      };
    }
  }

  public record Council(long id, long dossierId, String mode, String establishedBy, String outcome,
      LocalDate meetingDate, Integer votesFor, Integer votesAgainst, String minutes, String conclusion,
      String ruleText, List<Member> members) {

    public String modeLabel() {
      return MEETING.equals(mode) ? "Họp Hội đồng" : "Lấy ý kiến bằng văn bản của các thành viên";
    }

    public String secretary() {
      return members.stream().filter(m -> SECRETARY.equals(m.role())).map(Member::userId).findFirst().orElseThrow();
    }

    public List<String> userIds() {
      return members.stream().map(Member::userId).toList();
    }
  }

  /** The rule in force for a dossier's council: the province's row, or the national default. */
  public record Rule(int passNum, int passDen, String base, boolean returnForSupplement, String source,
      boolean confirmed) {

    /** Votes "đạt" needed: strictly more than passNum/passDen of the base. */
    public boolean passes(int votesFor, int members, int present) {
      int of = "PRESENT".equals(base) ? present : members;
      return of > 0 && (long) votesFor * passDen > (long) of * passNum;
    }

    public String describe() {
      String share = passNum * 2 == passDen ? "quá nửa" : "trên " + passNum + "/" + passDen;
      return share + ("PRESENT".equals(base) ? " số thành viên có mặt (hoặc trả lời)" : " tổng số thành viên Hội đồng")
          + " đánh giá «đạt»" + (confirmed ? "" : " (" + UNCONFIRMED + ")");
    }
  }

  /** A person of the bodies the council's members are picked from. */
  public record Person(String userId, String name, String body) {}

  private final JdbcTemplate jdbc;
  private final EngineClock clock;
  private final PersonNames names;

  AppraisalCouncils(JdbcTemplate jdbc, EngineClock clock, PersonNames names) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.names = names;
  }

  /** The Ministry's council has no minimum size (TT25 Điều 19 K2 b). */
  public static boolean sizeExempt(Dossier d) {
    return d.getReceivingOrg().getKind() == OrgKind.NATION;
  }

  /** The article that sets up the council of the dossier's tier, quoted on pages and in messages. */
  public static String article(Dossier d) {
    boolean unit = d.getTitle().name().equals("LEARNING_UNIT");
    if (sizeExempt(d)) {
      return "TT 25/2023/TT-BGDĐT, Điều 19 khoản 2 điểm b";
    }
    boolean province = d.getReceivingOrg().getKind() == OrgKind.PROVINCE;
    if (unit) {
      return "TT 24/2023/TT-BGDĐT, Điều " + (province ? "16" : "10") + " khoản 2 điểm b";
    }
    return "TT 25/2023/TT-BGDĐT, Điều " + (province ? "14" : "9") + " khoản 2 điểm b";
  }

  /**
   * Why a council of this size may not be set up, or null: an odd number, at least 5, except the Ministry's council
   * (the chair and the secretary count: they are members of the council).
   */
  public static String sizeProblem(Dossier d, int size) {
    if (sizeExempt(d)) {
      return size < 1 ? "Hội đồng cần ít nhất một thành viên." : null;
    }
    if (size < 5 || size % 2 == 0) {
      return "Hội đồng đánh giá phải có số thành viên lẻ, tối thiểu 05 người (kể cả chủ tịch và thư ký; "
          + article(d) + "); danh sách đang có " + size + " người.";
    }
    return null;
  }

  /** The head of the receiving body, who sets up the council and signs a refusal: Trưởng phòng, Giám đốc Sở, Bộ trưởng. */
  public static String headGroup(Dossier d) {
    OrgUnit body = d.getReceivingOrg();
    return body.getKind() == OrgKind.NATION ? Groups.signer(body.getCode()) : Groups.director(body.getCode());
  }

  /**
   * Who may sit on the council: the people hoctap knows at the receiving body and at the body of the competent
   * signer (its specialised offices, reviewers, leaders), at the Hội khuyến học of the same area when it has users
   * (council-), by name.
   */
  @Transactional(readOnly = true)
  public List<Person> candidates(Dossier d) {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put(d.getReceivingOrg().getCode(), d.getReceivingOrg().getName());
    bodies.putIfAbsent(d.getSignerOrg().getCode(), d.getSignerOrg().getName());
    Map<String, Person> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> b : bodies.entrySet()) {
      List<String> groups = List.of(Groups.director(b.getKey()), Groups.reviewer(b.getKey()),
          Groups.signer(b.getKey()), Groups.council(b.getKey()), Groups.councilSecretary(b.getKey()),
          Groups.viewer(b.getKey()));
      List<String> users = jdbc.queryForList("select distinct USER_ID_ from ACT_ID_MEMBERSHIP where GROUP_ID_ in ("
          + String.join(",", groups.stream().map(g -> "?").toList()) + ") order by USER_ID_", String.class,
          groups.toArray());
      Map<String, String> named = names.of(users);
      for (String u : users) {
        out.putIfAbsent(u, new Person(u, named.getOrDefault(u, u), b.getValue()));
      }
    }
    return List.copyOf(out.values());
  }

  /** The rule for a dossier: its province's row, else the national default. */
  @Transactional(readOnly = true)
  public Rule rule(Dossier d) {
    OrgUnit province = d.getReceivingOrg().getKind() == OrgKind.NATION ? null : d.getReceivingOrg().province();
    List<Rule> rows = jdbc.query("select pass_num, pass_den, base, return_for_supplement, source, confirmed"
        + " from appraisal_council_rule where org_id = ? or org_id is null order by case when org_id is null then 1"
        + " else 0 end", (rs, i) -> new Rule(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4),
        rs.getString(5), rs.getBoolean(6)), province == null ? -1L : province.getId());
    if (rows.isEmpty()) {
      throw new IllegalStateException("Thiếu quy tắc biểu quyết mặc định của Hội đồng đánh giá (appraisal_council_rule)");
    }
    return rows.get(0);
  }

  /** Sets up the council; the caller validated the list (chair, secretary, members distinct, size). */
  @Transactional
  public long establish(long dossierId, String mode, String chair, String secretary, List<String> members,
      String actor) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement("insert into appraisal_council (dossier_id, mode, established_by, established_at)"
          + " values (?, ?, ?, ?)", new String[] {"id"});
      ps.setLong(1, dossierId);
      ps.setString(2, mode);
      ps.setString(3, actor);
      ps.setTimestamp(4, Timestamp.from(clock.now()));
      return ps;
    }, key);
    long id = key.getKey().longValue();
    int pos = 0;
    insertMember(id, chair, CHAIR, pos++);
    insertMember(id, secretary, SECRETARY, pos++);
    for (String m : members) {
      insertMember(id, m, MEMBER, pos++);
    }
    return id;
  }

  private void insertMember(long councilId, String user, String role, int position) {
    jdbc.update("insert into appraisal_council_member (council_id, user_id, role, position) values (?, ?, ?, ?)",
        councilId, user, role, position);
  }

  /** The dossier's latest council, if one was set up. */
  @Transactional(readOnly = true)
  public Optional<Council> current(long dossierId) {
    List<Long> ids = jdbc.queryForList("select id from appraisal_council where dossier_id = ? order by id desc",
        Long.class, dossierId);
    return ids.isEmpty() ? Optional.empty() : Optional.of(get(ids.get(0)));
  }

  @Transactional(readOnly = true)
  public Council get(long id) {
    List<Member> members = new ArrayList<>();
    List<String> users = new ArrayList<>();
    jdbc.query("select user_id, role, present, opinion, opinion_comment from appraisal_council_member"
        + " where council_id = ? order by position", rs -> {
          users.add(rs.getString(1));
          Object present = rs.getObject(3);
          members.add(new Member(rs.getString(1), null, rs.getString(2), present == null ? null : rs.getBoolean(3),
              rs.getString(4), rs.getString(5)));
        }, id);
    Map<String, String> named = names.of(users);
    List<Member> withNames = members.stream().map(m -> new Member(m.userId(), named.getOrDefault(m.userId(),
        m.userId()), m.role(), m.present(), m.opinion(), m.comment())).toList();
    return jdbc.queryForObject("select dossier_id, mode, established_by, outcome, meeting_date, votes_for,"
        + " votes_against, minutes_text, conclusion, rule_text from appraisal_council where id = ?", (rs, i) ->
        new Council(id, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, java.sql.Date.class) == null ? null : rs.getObject(5, java.sql.Date.class).toLocalDate(),
            (Integer) rs.getObject(6), (Integer) rs.getObject(7), rs.getString(8), rs.getString(9), rs.getString(10),
            withNames), id);
  }

  /** The members who give a written opinion, in the council's order (the multi-instance task's collection). */
  @Transactional(readOnly = true)
  public List<String> members(long councilId) {
    return jdbc.queryForList("select user_id from appraisal_council_member where council_id = ? order by position",
        String.class, councilId);
  }

  /** One member's written opinion; a second answer of the same member is refused (nothing changes). */
  @Transactional
  public void recordOpinion(long councilId, String member, String opinion, String comment) {
    int n = jdbc.update("update appraisal_council_member set opinion = ?, opinion_comment = ?, opinion_at = ?"
        + " where council_id = ? and user_id = ? and opinion is null", opinion, comment, Timestamp.from(clock.now()),
        councilId, member);
    if (n != 1) {
      throw DomainException.conflict("Ý kiến của thành viên này đã được ghi nhận trước đó; không có gì thay đổi.");
    }
  }

  /**
   * Concludes a written round under the rule: the opinions "đạt" against all members (or those who answered), and
   * "đạt" only if no indicator failed under the same rule ({@code failedIndicators}, from {@link CouncilVerdicts}).
   */
  @Transactional
  public Council concludeWritten(long councilId, Rule rule, List<String> failedIndicators) {
    Council c = get(councilId);
    int yes = (int) c.members().stream().filter(m -> PASS.equals(m.opinion())).count();
    int no = (int) c.members().stream().filter(m -> FAIL.equals(m.opinion())).count();
    boolean passed = rule.passes(yes, c.members().size(), yes + no) && failedIndicators.isEmpty();
    List<String> against = c.members().stream().filter(m -> FAIL.equals(m.opinion()) && m.comment() != null)
        .map(m -> m.name() + ": " + m.comment()).toList();
    String conclusion = "Lấy ý kiến bằng văn bản: " + yes + "/" + c.members().size() + " thành viên đánh giá «đạt», "
        + no + " «không đạt». Hội đồng kết luận: " + (passed ? "ĐẠT" : "KHÔNG ĐẠT") + "."
        + failing(failedIndicators) + (passed || against.isEmpty() ? "" : "\n" + String.join("\n", against));
    jdbc.update("update appraisal_council set outcome = ?, concluded_at = ?, votes_for = ?, votes_against = ?,"
        + " conclusion = ?, rule_text = ? where id = ? and outcome is null", passed ? PASSED : FAILED,
        Timestamp.from(clock.now()), yes, no, trim(conclusion), rule.describe(), councilId);
    return get(councilId);
  }

  /** The secretary's minutes of the meeting: date, who was present, the votes and the conclusion. */
  @Transactional
  public Council recordMeeting(long councilId, LocalDate date, Set<String> present, int votesFor, int votesAgainst,
      boolean passed, String minutes, Rule rule, List<String> failedIndicators) {
    Council c = get(councilId);
    for (Member m : c.members()) {
      jdbc.update("update appraisal_council_member set present = ? where council_id = ? and user_id = ?",
          present.contains(m.userId()), councilId, m.userId());
    }
    String conclusion = "Họp Hội đồng ngày " + vn.hoctap.common.Dates.vn(date) + ": " + present.size() + "/"
        + c.members().size() + " thành viên có mặt; " + votesFor + " phiếu «đạt», " + votesAgainst
        + " phiếu «không đạt». Hội đồng kết luận: " + (passed ? "ĐẠT" : "KHÔNG ĐẠT") + "."
        + failing(failedIndicators) + (minutes == null ? "" : "\n" + minutes);
    int n = jdbc.update("update appraisal_council set outcome = ?, concluded_at = ?, meeting_date = ?, votes_for = ?,"
        + " votes_against = ?, minutes_text = ?, conclusion = ?, rule_text = ? where id = ? and outcome is null",
        passed ? PASSED : FAILED, Timestamp.from(clock.now()), java.sql.Date.valueOf(date), votesFor, votesAgainst,
        minutes == null ? null : trim(minutes), trim(conclusion), rule.describe(), councilId);
    if (n != 1) {
      throw DomainException.conflict("Hội đồng đã có kết luận; không có gì thay đổi.");
    }
    return get(councilId);
  }

  private static String failing(List<String> failedIndicators) {
    return failedIndicators.isEmpty() ? "" : "\nChỉ tiêu Hội đồng đánh giá không đạt: " + String.join("; ",
        failedIndicators) + ".";
  }

  /** Parses a list of logins typed one per line or separated by commas, in order, without repeats. */
  public static List<String> logins(String typed) {
    Set<String> out = new LinkedHashSet<>();
    if (typed != null) {
      for (String line : typed.split("[,;\\n]+")) {
        // a line of the candidates' list may be pasted whole: "login — name (body)"
        String s = line.strip().split("\\s+", 2)[0];
        if (!s.isBlank()) {
          out.add(s);
        }
      }
    }
    return List.copyOf(out);
  }

  private static String trim(String s) {
    return s.length() <= 4000 ? s : s.substring(0, 3990) + " …";
  }
}
