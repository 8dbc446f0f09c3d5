package vn.hoctap.award;

import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.admin.AuditLog;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.DossierAccess;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.PersonNames;

/**
 * The emulation council (Hội đồng Thi đua - Khen thưởng) of a body: its members are the users of the group
 * council-&lt;orgCode&gt;, each votes personally on each candidate; the secretary closes the meeting once the quorum
 * is there, and the tally follows the body's configuration (quorum, pass ratio, tie rule; national default row).
 */
@Service
public class CouncilService {

  public static final String YES = "YES";
  public static final String NO = "NO";

  /** A council's configuration: quorum and pass ratio as fractions, the tie rule, and where it comes from. */
  public record Config(int quorumNum, int quorumDen, int passNum, int passDen, TieRule tieRule, String chairUserId,
      String source, boolean confirmed) {}

  public record Outcome(boolean passed, int present, int yes, int no, boolean tie, String rule) {}

  /**
   * The votes of an open meeting as the secretary follows them: how many members, how many voted (and how), who
   * voted and who has not yet, by name.
   */
  public record Count(Long reviewId, String body, int members, int voted, int yes, int no, List<String> votedNames,
      List<String> waitingNames) {}

  /** A member's recorded vote: when and what. */
  public record Cast(String vote, java.time.Instant at) {
    public String label() {
      return YES.equals(vote) ? "Đồng ý" : "Không đồng ý";
    }
  }

  private final JdbcTemplate jdbc;
  private final AwardService awards;
  private final OrgUnitRepository orgs;
  private final AuditLog audit;
  private final EngineClock clock;
  private final DossierAccess access;
  private final PersonNames names;

  CouncilService(JdbcTemplate jdbc, AwardService awards, OrgUnitRepository orgs, AuditLog audit, EngineClock clock,
      DossierAccess access, PersonNames names) {
    this.names = names;
    this.jdbc = jdbc;
    this.awards = awards;
    this.orgs = orgs;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * A body's council as an administrator or a proposer sees it: members, secretary, effective configuration. Only
   * for a body the user may see (DossierAccess.canSeeBody: theirs, below or above theirs); any other body is
   * answered exactly like an unknown code, so that its members' logins stay within their province.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> describe(String orgCode, CurrentUser user) {
    OrgUnit body = orgs.findByCode(orgCode).filter(b -> access.canSeeBody(user, b)).orElseThrow(() ->
        DomainException.notFound("Không tìm thấy cơ quan, đơn vị có mã \"" + orgCode + "\"."));
    Config c = config(body.getId());
    return Map.of("body", body.getName(), "members", members(Groups.council(orgCode)),
        "secretaries", members(Groups.councilSecretary(orgCode)), "config", c,
        "status", c.confirmed() ? "Đã xác nhận" : "Có phần chờ xác nhận văn bản");
  }

  /** An administrator sets a body's quorum, pass ratio and tie rule; written to the audit log with the old values. */
  @Transactional
  public Config configure(String orgCode, Config c, CurrentUser user) {
    if (!user.admin()) {
      throw DomainException.forbidden("Chỉ quản trị viên được cấu hình Hội đồng Thi đua - Khen thưởng.");
    }
    if (c.tieRule() == null || c.source() == null || c.source().isBlank()) {
      throw DomainException.badInput("Cần chọn quy tắc khi số phiếu ngang nhau và ghi nguồn (văn bản, quy chế).");
    }
    OrgUnit body = body(orgCode);
    Config before = config(body.getId());
    configure(body.getId(), c);
    audit.record(user.id(), "COUNCIL_CONFIGURED", AuditLog.Target.COUNCIL, orgCode, before, c);
    return c;
  }

  private OrgUnit body(String orgCode) {
    return orgs.findByCode(orgCode).orElseThrow(() ->
        DomainException.notFound("Không tìm thấy cơ quan, đơn vị có mã \"" + orgCode + "\"."));
  }

  public Config config(Long bodyId) {
    List<Config> rows = jdbc.query("select * from council_config where org_id = ? or org_id is null "
        + "order by case when org_id is null then 1 else 0 end", (rs, i) -> new Config(rs.getInt("quorum_num"),
        rs.getInt("quorum_den"), rs.getInt("pass_num"), rs.getInt("pass_den"), TieRule.valueOf(rs.getString("tie_rule")),
        rs.getString("chair_user_id"), rs.getString("source"), rs.getBoolean("confirmed")), bodyId);
    if (rows.isEmpty()) {
      throw DomainException.rule("Chưa cấu hình Hội đồng Thi đua - Khen thưởng (số thành viên tối thiểu, tỷ lệ "
          + "thông qua). Đề nghị quản trị viên cấu hình.");
    }
    return rows.get(0);
  }

  /** Saves a body's own configuration (replacing its previous one). */
  @Transactional
  public void configure(Long bodyId, Config c) {
    if (c.quorumNum() <= 0 || c.quorumNum() > c.quorumDen() || c.passNum() <= 0 || c.passNum() >= c.passDen()) {
      throw DomainException.badInput("Tỷ lệ không hợp lệ: số thành viên dự họp tối thiểu phải trong (0, 1], "
          + "tỷ lệ thông qua trong (0, 1).");
    }
    jdbc.update("delete from council_config where org_id = ?", bodyId);
    jdbc.update("insert into council_config (org_id, quorum_num, quorum_den, pass_num, pass_den, tie_rule, "
        + "chair_user_id, source, confirmed) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", bodyId, c.quorumNum(),
        c.quorumDen(), c.passNum(), c.passDen(), c.tieRule().name(), c.chairUserId(), c.source(), c.confirmed());
  }

  /** Opens the meeting of the candidate's current body on it; the members are resolved now, from the group. */
  @Transactional
  public Long open(Long candidateId) {
    OrgUnit body = awards.currentBody(candidateId);
    List<String> members = members(Groups.council(body.getCode()));
    if (members.isEmpty()) {
      throw DomainException.rule("Hội đồng Thi đua - Khen thưởng của " + body.getName() + " chưa có thành viên. Đề"
          + " nghị quản trị viên giao vai trò «Thành viên Hội đồng» của " + body.getName() + " rồi thử lại.");
    }
    if (members(Groups.councilSecretary(body.getCode())).isEmpty()) {
      throw DomainException.rule("Hội đồng Thi đua - Khen thưởng của " + body.getName() + " chưa có thư ký. Đề nghị"
          + " quản trị viên giao vai trò «Thư ký Hội đồng» của " + body.getName() + " rồi thử lại.");
    }
    config(body.getId());
    jdbc.update("delete from award_vote where review_id in (select id from council_review where candidate_id = ? "
        + "and body_id = ? and status = 'OPEN')", candidateId, body.getId());
    jdbc.update("delete from council_review where candidate_id = ? and body_id = ? and status = 'OPEN'", candidateId,
        body.getId());
    jdbc.update("insert into council_review (candidate_id, body_id, members_total, status, opened_at) "
        + "values (?, ?, ?, 'OPEN', ?)", candidateId, body.getId(), members.size(), now());
    awards.setStatus(candidateId, CandidateStatus.IN_COUNCIL);
    awards.event(awards.proposalOf(candidateId), candidateId, null, "COUNCIL_OPENED", null,
        "Hội đồng Thi đua - Khen thưởng " + body.getName() + " (" + members.size() + " thành viên)");
    return reviewId(candidateId, body.getId());
  }

  /**
   * A member's own vote on a candidate; once per member and meeting. A second vote is refused on the vote field
   * ("vote"), saying when the member voted and how.
   */
  @Transactional
  public void vote(Long reviewId, String member, String vote, String comment) {
    Map<String, Object> r = review(reviewId);
    if (!"OPEN".equals(r.get("status"))) {
      throw DomainException.conflict("Phiên họp đã kết thúc, không nhận thêm phiếu.");
    }
    if (!YES.equals(vote) && !NO.equals(vote)) {
      throw DomainException.badInput("Phiếu phải là \"Đồng ý\" hoặc \"Không đồng ý\".");
    }
    Cast before = castBy(reviewId, member);
    if (before != null) {
      throw secondVote(member, before);
    }
    try {
      jdbc.update("insert into award_vote (review_id, candidate_id, member_id, vote, comment, cast_at) "
          + "values (?, ?, ?, ?, ?, ?)", reviewId, r.get("candidate_id"), member, vote, comment, now());
    } catch (DuplicateKeyException e) {
      throw secondVote(member, castBy(reviewId, member));
    }
    Long candidateId = ((Number) r.get("candidate_id")).longValue();
    awards.event(awards.proposalOf(candidateId), candidateId, member, "VOTED", null, null);
  }

  /** The refusal of a member's second vote, on the vote field. */
  public DomainException secondVote(String member, Cast before) {
    String when = before == null ? "" : " lúc " + java.time.format.DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
        .format(before.at().atZone(EngineClock.ZONE)) + " (" + before.label() + ")";
    return DomainException.badInputOf("Phiếu biểu quyết không được ghi:", List.of(new DomainException.Problem(
        "vote", names.of(member) + " đã biểu quyết về ứng viên này" + when + ". Mỗi thành viên chỉ biểu quyết một"
            + " lần; phiếu thứ hai không được ghi.")));
  }

  /** The member's vote in the meeting, or null if they have not voted. */
  public Cast castBy(Long reviewId, String member) {
    return jdbc.query("select vote, cast_at from award_vote where review_id = ? and member_id = ?",
        (rs, i) -> new Cast(rs.getString(1), rs.getTimestamp(2).toInstant()), reviewId, member).stream().findFirst()
        .orElse(null);
  }

  /** The member's vote on the candidate in the meeting of a body (the latest meeting), or null. */
  public Cast castOnCandidate(Long candidateId, String member) {
    return jdbc.query("select v.vote, v.cast_at from award_vote v join council_review r on r.id = v.review_id "
        + "where r.candidate_id = ? and v.member_id = ? order by r.id desc", (rs, i) -> new Cast(rs.getString(1),
        rs.getTimestamp(2).toInstant()), candidateId, member).stream().findFirst().orElse(null);
  }

  /** The live count of an open meeting: members, votes so far (how many agree), who voted, who has not yet. */
  @Transactional(readOnly = true)
  public Count count(Long reviewId) {
    Map<String, Object> r = review(reviewId);
    String body = jdbc.queryForObject("select name from org_unit where id = ?", String.class, r.get("body_id"));
    List<Map<String, Object>> votes = votes(reviewId);
    List<String> members = members(reviewId);
    java.util.Set<String> voted = new java.util.HashSet<>();
    votes.forEach(v -> voted.add((String) v.get("member_id")));
    Map<String, String> n = names.of(members);
    votes.forEach(v -> n.putIfAbsent((String) v.get("member_id"), names.of((String) v.get("member_id"))));
    int yes = (int) votes.stream().filter(v -> YES.equals(v.get("vote"))).count();
    return new Count(reviewId, body, ((Number) r.get("members_total")).intValue(), votes.size(), yes,
        votes.size() - yes, votes.stream().map(v -> n.getOrDefault((String) v.get("member_id"),
            (String) v.get("member_id"))).toList(),
        members.stream().filter(m -> !voted.contains(m)).map(m -> n.getOrDefault(m, m)).toList());
  }

  /**
   * Closes the meeting: refused (nothing saved) without quorum, or on a tie the configured rule cannot settle.
   * The minutes are the secretary's text, or the system's draft if the secretary kept it.
   */
  @Transactional
  public Outcome close(Long reviewId, String closedBy, String minutes) {
    Map<String, Object> r = review(reviewId);
    Outcome o = tally(reviewId);
    String text = minutes == null || minutes.isBlank() ? draft(reviewId, true) : minutes.strip();
    jdbc.update("update council_review set status = ?, present = ?, yes_votes = ?, no_votes = ?, tie = ?, "
        + "rule_applied = ?, minutes = ?, closed_by = ?, closed_at = ? where id = ?", o.passed() ? "PASSED" : "NOT_PASSED",
        o.present(), o.yes(), o.no(), o.tie(), o.rule(), text, closedBy, now(), reviewId);
    Long candidateId = ((Number) r.get("candidate_id")).longValue();
    if (!o.passed()) {
      awards.setStatus(candidateId, CandidateStatus.NOT_PASSED);
    }
    awards.event(awards.proposalOf(candidateId), candidateId, closedBy, "COUNCIL_CLOSED", null,
        describe(o));
    return o;
  }

  /** "THÔNG QUA: 3 đồng ý, 0 không đồng ý trên 3 thành viên dự họp (…)" */
  public static String describe(Outcome o) {
    return (o.passed() ? "Hội đồng THÔNG QUA" : "Hội đồng KHÔNG THÔNG QUA") + ": " + o.yes() + " đồng ý, " + o.no()
        + " không đồng ý trên " + o.present() + " thành viên dự họp; " + o.rule();
  }

  /** The result the votes give now; throws what stops the meeting from closing. */
  public Outcome tally(Long reviewId) {
    Map<String, Object> r = review(reviewId);
    Long bodyId = ((Number) r.get("body_id")).longValue();
    Config c = config(bodyId);
    int total = ((Number) r.get("members_total")).intValue();
    List<Map<String, Object>> votes = votes(reviewId);
    int present = votes.size();
    int yes = (int) votes.stream().filter(v -> YES.equals(v.get("vote"))).count();
    int no = present - yes;
    if (present * c.quorumDen() < total * c.quorumNum()) {
      throw DomainException.rule("Hội đồng chưa đủ số thành viên dự họp: " + present + "/" + total
          + " thành viên đã biểu quyết, cần ít nhất " + c.quorumNum() + "/" + c.quorumDen()
          + " tổng số thành viên. Chưa thể kết thúc phiên họp.");
    }
    String ratio = "thông qua khi số phiếu đồng ý trên " + c.passNum() + "/" + c.passDen() + " số thành viên dự họp";
    long lhs = (long) yes * c.passDen();
    long rhs = (long) present * c.passNum();
    if (lhs != rhs) {
      return new Outcome(lhs > rhs, present, yes, no, false, ratio + " (" + c.source() + ")");
    }
    String tieRule = "Số phiếu ngang nhau: " + c.tieRule().label() + " (" + c.source() + ")";
    return switch (c.tieRule()) {
      case PASSES -> new Outcome(true, present, yes, no, true, tieRule);
      case FAILS -> new Outcome(false, present, yes, no, true, tieRule);
      case CHAIR_DECIDES -> {
        String chairVote = votes.stream().filter(v -> v.get("member_id").equals(c.chairUserId()))
            .map(v -> (String) v.get("vote")).findFirst().orElse(null);
        if (chairVote == null) {
          throw DomainException.rule("Số phiếu ngang nhau; theo cấu hình, Chủ tịch Hội đồng quyết định nhưng "
              + (c.chairUserId() == null ? "chưa cấu hình Chủ tịch Hội đồng" : "Chủ tịch Hội đồng ("
                  + names.of(c.chairUserId()) + ") chưa biểu quyết") + ". Chưa thể kết thúc phiên họp.");
        }
        yield new Outcome(YES.equals(chairVote), present, yes, no, true,
            tieRule + "; Chủ tịch Hội đồng " + (YES.equals(chairVote) ? "đồng ý" : "không đồng ý"));
      }
    };
  }

  /** Biên bản xét khen thưởng drafted from the votes, for the secretary to check and complete. */
  @Transactional(readOnly = true)
  public String draftMinutes(Long reviewId) {
    return draft(reviewId, false);
  }

  /** The draft as the meeting stands, or (closing) as the minutes of the meeting that ends now. */
  private String draft(Long reviewId, boolean closing) {
    Map<String, Object> r = review(reviewId);
    Long candidateId = ((Number) r.get("candidate_id")).longValue();
    AwardViews.Candidate c = awards.candidate(candidateId);
    Map<String, Object> p = jdbc.queryForMap("select p.form, p.movement, p.period_kind, p.period_year, o.name as body "
        + "from award_candidate c join award_proposal p on p.id = c.proposal_id join council_review r "
        + "on r.candidate_id = c.id join org_unit o on o.id = r.body_id where r.id = ?", reviewId);
    List<Map<String, Object>> votes = votes(reviewId);
    int total = ((Number) r.get("members_total")).intValue();
    DateTimeFormatter d = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    StringBuilder sb = new StringBuilder();
    sb.append("BIÊN BẢN XÉT KHEN THƯỞNG\n")
        .append("Hội đồng Thi đua - Khen thưởng ").append(p.get("body")).append("\n")
        .append("Ngày ").append(clock.today().format(d)).append("\n\n")
        .append("Phong trào: ").append(p.get("movement")).append(" — ")
        .append(PeriodKind.valueOf((String) p.get("period_kind")).label()).append(" ").append(p.get("period_year"))
        .append("\nHình thức đề nghị: ").append(AwardForm.valueOf((String) p.get("form")).label())
        .append("\nĐối tượng: ").append(c.kindLabel()).append(" ").append(c.name()).append(" (").append(c.orgName())
        .append(")\nĐiều kiện: ").append(c.eligibility() == null ? "chưa kiểm tra" : c.eligibility())
        .append("\n\nThành viên Hội đồng: ").append(total).append("; đã biểu quyết: ").append(votes.size())
        .append("\n");
    Count count = count(reviewId);
    for (Map<String, Object> v : votes) {
      sb.append("- ").append(names.of((String) v.get("member_id"))).append(": ")
          .append(YES.equals(v.get("vote")) ? "Đồng ý" : "Không đồng ý")
          .append(v.get("comment") == null ? "" : " — " + v.get("comment")).append("\n");
    }
    if (!count.waitingNames().isEmpty()) {
      sb.append(closing ? "Thành viên không biểu quyết (vắng mặt): "
          : "Chưa biểu quyết (vắng mặt nếu kết thúc phiên họp lúc này): ")
          .append(String.join(", ", count.waitingNames())).append("\n");
    }
    try {
      Outcome o = tally(reviewId);
      sb.append("\nKết quả: ").append(o.yes()).append(" đồng ý, ").append(o.no()).append(" không đồng ý trên ")
          .append(o.present()).append(" thành viên dự họp; ").append(o.rule()).append(".\nKết luận: ")
          .append(o.passed() ? "Hội đồng THÔNG QUA đề nghị." : "Hội đồng KHÔNG THÔNG QUA đề nghị.");
    } catch (DomainException e) {
      sb.append("\nChưa kết luận được: ").append(e.getMessage());
    }
    return sb.toString();
  }

  /** The members who vote in a meeting: the body's council group, as when the meeting was opened. */
  public List<String> members(Long reviewId) {
    Long bodyId = ((Number) review(reviewId).get("body_id")).longValue();
    String code = jdbc.queryForObject("select code from org_unit where id = ?", String.class, bodyId);
    return members(Groups.council(code));
  }

  public Long openReviewId(Long candidateId) {
    return jdbc.queryForList("select id from council_review where candidate_id = ? and status = 'OPEN'", Long.class,
        candidateId).stream().findFirst().orElse(null);
  }

  private Long reviewId(Long candidateId, Long bodyId) {
    return jdbc.queryForObject("select id from council_review where candidate_id = ? and body_id = ?", Long.class,
        candidateId, bodyId);
  }

  private Map<String, Object> review(Long reviewId) {
    List<Map<String, Object>> rows = jdbc.queryForList("select * from council_review where id = ?", reviewId);
    if (rows.isEmpty()) {
      throw DomainException.notFound("Không tìm thấy phiên họp Hội đồng số " + reviewId + ".");
    }
    return rows.get(0);
  }

  private List<Map<String, Object>> votes(Long reviewId) {
    return jdbc.query("select member_id, vote, comment from award_vote where review_id = ? order by cast_at, id",
        (rs, i) -> {
          Map<String, Object> m = new java.util.HashMap<>();
          m.put("member_id", rs.getString(1));
          m.put("vote", rs.getString(2));
          m.put("comment", rs.getString(3));
          return m;
        }, reviewId);
  }

  /** Members of a group, read from the engine's identity tables (no user-read permission needed in a delegate). */
  private List<String> members(String group) {
    return jdbc.queryForList("select USER_ID_ from ACT_ID_MEMBERSHIP where GROUP_ID_ = ? order by USER_ID_",
        String.class, group);
  }

  private Timestamp now() {
    return Timestamp.from(clock.now());
  }
}
