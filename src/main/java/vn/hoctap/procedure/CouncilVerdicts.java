package vn.hoctap.procedure;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.EngineClock;
import vn.hoctap.criteria.CriteriaSet;
import vn.hoctap.criteria.Criterion;
import vn.hoctap.criteria.EvaluationResult;
import vn.hoctap.criteria.Indicator;
import vn.hoctap.criteria.IndicatorInput;
import vn.hoctap.criteria.IndicatorResult;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierRevision;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.IndicatorTexts;
import vn.hoctap.procedure.AppraisalCouncils.Rule;

/**
 * The Hội đồng đánh giá's verdicts indicator by indicator (TT24 Điều 10 K2 c–đ, Điều 16 K2; TT25 Điều 9 K2, 14, 19):
 * the meeting's minutes and each member's written opinion say "đạt" or "không đạt" (with a reason) on every
 * applicable indicator of the dossier's criteria set, prefilled with the evaluator's result; the council's conclusion
 * per indicator is the minutes', or for written opinions "đạt" where the members' verdicts "đạt" meet the council's
 * rule ({@code appraisal_council_rule}), as its overall vote. As the criteria evaluator, a criterion passes only if
 * every one of its indicators passes, so the dossier passes only if every indicator does. Each set is stored once
 * and never changed.
 */
@Service
public class CouncilVerdicts {

  public static final String MINUTES = "MINUTES";
  public static final String OPINION = "OPINION";
  public static final String CONCLUSION = "CONCLUSION";
  /** The form field of an indicator's verdict and of its reason: cv_tc1_ct1, cv_tc1_ct1_reason. */
  public static final String PREFIX = "cv_";
  public static final String REASON = "_reason";
  /** The read-only field of the forms the pages replace with the indicators (the Tasklist shows its text). */
  public static final String FIELD = "councilVerdicts";

  /** One applicable indicator as the council sees it: the unit's value, the evaluator's result, the evidence. */
  public record Line(String code, String criterionCode, String criterionName, String text, String formKey,
      String unitValue, String evaluator, boolean evaluatorMet, String evidence) {

    public String field() {
      return PREFIX + formKey;
    }

    public String reasonField() {
      return PREFIX + formKey + REASON;
    }

    /** What the council has before it, in one sentence. */
    public String facts() {
      return "Đơn vị tự đánh giá: " + unitValue + ". Kết quả thẩm định: " + evaluator + ". " + evidence + ".";
    }
  }

  /** A verdict "đạt" (PASS) or "không đạt" (FAIL) on one indicator, with its reason. */
  public record Verdict(String code, String verdict, String reason) {
    public boolean passed() {
      return AppraisalCouncils.PASS.equals(verdict);
    }
  }

  /** A stored verdict with what the council had before it, and for a written conclusion the votes. */
  public record Row(String code, String criterionCode, String text, String unitValue, String evaluator,
      String verdict, String reason, Integer votesFor, Integer answered) {

    public boolean passed() {
      return AppraisalCouncils.PASS.equals(verdict);
    }

    public String verdictLabel() {
      return passed() ? "đạt" : "không đạt";
    }
  }

  private final JdbcTemplate jdbc;
  private final DossierService dossiers;
  private final EngineClock clock;

  CouncilVerdicts(JdbcTemplate jdbc, DossierService dossiers, EngineClock clock) {
    this.jdbc = jdbc;
    this.dossiers = dossiers;
    this.clock = clock;
  }

  /** The applicable indicators of the dossier's criteria set, by criterion, with the latest evaluation's results. */
  @Transactional(readOnly = true)
  public List<Line> lines(Dossier d) {
    CriteriaSet set = dossiers.criteriaSet(d);
    EvaluationResult result = dossiers.latestEvaluation(d.getId());
    Map<String, IndicatorInput> self = dossiers.latestValues(d.getId(), DossierRevision.Stage.SELF);
    List<Line> out = new ArrayList<>();
    for (Criterion c : set.criteria()) {
      for (Indicator i : c.indicators()) {
        IndicatorResult r = result == null ? null : result.indicators().stream().filter(x -> x.code()
            .equals(i.code())).findFirst().orElse(null);
        if (r == null ? !i.appliesTo(d.getUnit().profile()) : !r.applicable()) {
          continue;
        }
        boolean met = r != null && (r.outcome() == IndicatorResult.Outcome.MET
            || r.outcome() == IndicatorResult.Outcome.JUDGED_MET);
        String evaluator = r == null ? "chưa tính" : (met ? "đạt" : "không đạt") + (r.measured() == null ? ""
            : " (" + r.measured() + ")");
        String evidence = r == null || (r.evidence() == null && !r.evidenceMissing()) ? "Minh chứng: xem mục «Minh"
            + " chứng» của hồ sơ" : r.evidenceMissing() ? "Minh chứng: không có minh chứng phù hợp"
            : "Minh chứng: " + r.evidence();
        out.add(new Line(i.code(), c.code(), c.name(), i.shortText(), i.formKey(),
            IndicatorTexts.value(self.get(i.code())), evaluator, met, evidence.replaceAll("[.\\s]+$", "")));
      }
    }
    return out;
  }

  /** The prefilled verdicts of a form: the evaluator's result, no reason. */
  public static Map<String, Object> prefill(List<Line> lines) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Line l : lines) {
      out.put(l.field(), l.evaluatorMet() ? AppraisalCouncils.PASS : AppraisalCouncils.FAIL);
      out.put(l.reasonField(), null);
    }
    return out;
  }

  /** The variables of the prefilled verdicts and the read-only summary, to drop once the step is done. */
  public static List<String> variables(List<Line> lines) {
    List<String> out = new ArrayList<>();
    out.add(FIELD);
    for (Line l : lines) {
      out.add(l.field());
      out.add(l.reasonField());
    }
    return out;
  }

  /**
   * The read-only summary the Tasklist shows in place of the indicators (hoctap's pages show the fields), within a
   * text variable's 4000 characters.
   */
  public static String summary(List<Line> lines) {
    StringBuilder s = new StringBuilder("Mỗi chỉ tiêu: trường cv_<mã> là PASS (đạt) hoặc FAIL (không đạt, ghi lý do ở"
        + " cv_<mã>_reason), điền sẵn theo kết quả thẩm định.");
    for (Line l : lines) {
      s.append('\n').append(l.field()).append(": ").append(l.code()).append(", tự đánh giá ").append(l.unitValue())
          .append(", thẩm định ").append(l.evaluator());
    }
    return cut(s.toString(), 3900);
  }

  /** Stores one set of verdicts (minutes, one member's opinion, or the conclusion); a new set each time. */
  @Transactional
  public long record(long councilId, String kind, String member, String actor, List<Line> lines,
      Map<String, Verdict> verdicts, Map<String, int[]> votes) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement("insert into appraisal_council_verdict_set (council_id, kind, member_id,"
          + " recorded_by, recorded_at) values (?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setLong(1, councilId);
      ps.setString(2, kind);
      ps.setString(3, member);
      ps.setString(4, actor);
      ps.setTimestamp(5, Timestamp.from(clock.now()));
      return ps;
    }, key);
    long setId = key.getKey().longValue();
    int pos = 0;
    for (Line l : lines) {
      Verdict v = verdicts.get(l.code());
      int[] n = votes == null ? null : votes.get(l.code());
      jdbc.update("insert into appraisal_council_verdict (set_id, position, indicator_code, criterion_code,"
          + " indicator_text, unit_value, evaluator_result, verdict, reason, votes_for, votes_answered)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", setId, pos++, l.code(), l.criterionCode(), cut(l.text(), 500),
          cut(l.unitValue(), 500), cut(l.evaluator(), 500), v.verdict(), cut(v.reason(), 1000),
          n == null ? null : n[0], n == null ? null : n[1]);
    }
    return setId;
  }

  /** The latest set of that kind (and member) of the council, in the criteria set's order; empty if none. */
  @Transactional(readOnly = true)
  public List<Row> latest(long councilId, String kind, String member) {
    List<Long> ids = jdbc.queryForList("select id from appraisal_council_verdict_set where council_id = ? and kind = ?"
        + (member == null ? "" : " and member_id = ?") + " order by id desc", Long.class, member == null
        ? new Object[] {councilId, kind} : new Object[] {councilId, kind, member});
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.query("select indicator_code, criterion_code, indicator_text, unit_value, evaluator_result, verdict,"
        + " reason, votes_for, votes_answered from appraisal_council_verdict where set_id = ? order by position",
        (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), (Integer) rs.getObject(8), (Integer) rs.getObject(9)), ids.get(0));
  }

  /** The council's conclusion per indicator, empty for a council that concluded before verdicts were recorded. */
  @Transactional(readOnly = true)
  public List<Row> conclusion(long councilId) {
    return latest(councilId, CONCLUSION, null);
  }

  /**
   * The written opinions' conclusion per indicator: "đạt" where the members' verdicts "đạt" meet the rule (against
   * all members, or those who answered), as the overall vote; the reasons of the members who said "không đạt".
   */
  public static Map<String, Verdict> concludeWritten(List<Line> lines, Map<String, List<Row>> byMember,
      int members, Rule rule, Map<String, int[]> votes) {
    Map<String, Verdict> out = new LinkedHashMap<>();
    for (Line l : lines) {
      int yes = 0;
      int answered = 0;
      List<String> reasons = new ArrayList<>();
      for (List<Row> opinion : byMember.values()) {
        Row r = opinion.stream().filter(x -> x.code().equals(l.code())).findFirst().orElse(null);
        if (r == null) {
          continue;
        }
        answered++;
        if (r.passed()) {
          yes++;
        } else if (r.reason() != null && !reasons.contains(r.reason())) {
          reasons.add(r.reason());
        }
      }
      boolean passed = rule.passes(yes, members, answered);
      votes.put(l.code(), new int[] {yes, answered});
      out.put(l.code(), new Verdict(l.code(), passed ? AppraisalCouncils.PASS : AppraisalCouncils.FAIL,
          passed ? null : yes + "/" + members + " thành viên đánh giá đạt" + (reasons.isEmpty() ? ""
              : "; " + String.join("; ", reasons))));
    }
    return out;
  }

  /** The codes that failed, for messages: "TC2.CT4 (text…)". */
  public static List<String> failed(List<Line> lines, Map<String, Verdict> verdicts) {
    return lines.stream().filter(l -> verdicts.get(l.code()) != null && !verdicts.get(l.code()).passed())
        .map(l -> l.code() + " (" + l.text() + ")").toList();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
