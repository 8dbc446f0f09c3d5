package vn.hoctap.award;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.Dates;
import vn.hoctap.common.EngineClock;

/**
 * Checks a candidate against the award rules of its form and kind (table award_rule: data with its source). A
 * confirmed rule that is not met refuses the candidate with the reason; a rule awaiting the official text never
 * refuses alone: it goes to the council as a point to judge, flagged "chờ xác nhận văn bản".
 */
@Service
public class EligibilityService {

  public static final String PENDING = "chờ xác nhận văn bản";

  /** One rule's verdict: met, not met, or left to the council (pending). */
  public record Line(String code, String description, String verdict, String explanation, String source,
      boolean confirmed) {}

  public record Result(boolean eligible, List<Line> lines) {
    public String explain() {
      StringBuilder sb = new StringBuilder(eligible ? "Đủ điều kiện đề nghị." : "Không đủ điều kiện đề nghị.");
      for (Line l : lines) {
        sb.append("\n- [").append(l.verdict()).append("] ").append(l.code()).append(" ").append(l.description())
            .append(": ").append(l.explanation()).append(" (").append(l.source()).append(")");
      }
      return sb.toString();
    }
  }

  private final JdbcTemplate jdbc;
  private final AwardService awards;

  EligibilityService(JdbcTemplate jdbc, AwardService awards) {
    this.jdbc = jdbc;
    this.awards = awards;
  }

  /** Evaluates and stores the explanation on the candidate; an ineligible candidate's status says so. */
  @Transactional
  public Result check(Long candidateId) {
    Map<String, Object> c = jdbc.queryForMap("select c.awardee_id, a.kind, p.form, p.period_year, p.created_at from "
        + "award_candidate c join awardee a on a.id = c.awardee_id join award_proposal p on p.id = c.proposal_id "
        + "where c.id = ?", candidateId);
    Long awardeeId = ((Number) c.get("awardee_id")).longValue();
    int year = ((Number) c.get("period_year")).intValue();
    // the rules in force on the day the list was proposed: e.g. "lower award first" ends on 30/06/2025
    LocalDate proposed = LocalDate.ofInstant(((Timestamp) c.get("created_at")).toInstant(), EngineClock.ZONE);
    List<Map<String, Object>> all = jdbc.queryForList("select * from award_rule where form = ? and candidate_kind = ? "
        + "and active = true order by code", c.get("form"), c.get("kind"));
    List<Map<String, Object>> rules = all.stream().filter(r -> inForce(r, proposed)).toList();
    List<Line> lines = new ArrayList<>();
    if (rules.isEmpty()) {
      lines.add(new Line("-", "Chưa cấu hình tiêu chuẩn cho hình thức và đối tượng này", "Hội đồng xem xét",
          "Không có quy tắc nào; Hội đồng xem xét theo văn bản", PENDING, false));
    }
    Map<Integer, Set<String>> byYear = achievements(awardeeId);
    boolean eligible = true;
    for (Map<String, Object> r : rules) {
      Line line = evaluate(r, byYear, year);
      lines.add(line);
      if (line.confirmed() && "Không đạt".equals(line.verdict())) {
        eligible = false;
      }
    }
    for (Map<String, Object> r : all) {
      if (!inForce(r, proposed)) {
        lines.add(new Line((String) r.get("code"), (String) r.get("description"), "Không áp dụng",
            "Không áp dụng cho danh sách lập ngày " + Dates.vn(proposed) + " (" + period(r) + ")",
            (String) r.get("source"), true));
      }
    }
    Result result = new Result(eligible, lines);
    jdbc.update("update award_candidate set eligible = ?, eligibility = ?, eligibility_lines = ? where id = ?",
        eligible, result.explain(), awards.linesJson(lines), candidateId);
    long pending = lines.stream().filter(l -> !l.confirmed()).count();
    awards.event(awards.proposalOf(candidateId), candidateId, null, "ELIGIBILITY_CHECKED", null, eligible
        ? "Đủ điều kiện đề nghị" + (pending == 0 ? "" : "; " + pending + " tiêu chuẩn " + PENDING
            + " để Hội đồng xem xét")
        : "Không đủ điều kiện: " + lines.stream().filter(l -> l.confirmed() && "Không đạt".equals(l.verdict()))
            .map(l -> l.description() + " — " + l.explanation()).collect(Collectors.joining("; ")));
    if (!eligible) {
      awards.setStatus(candidateId, CandidateStatus.INELIGIBLE);
    }
    return result;
  }

  /** Certified achievements by year, plus the awards hoctap itself recorded (a provincial Bằng khen counts). */
  private Map<Integer, Set<String>> achievements(Long awardeeId) {
    Map<Integer, Set<String>> byYear = new java.util.HashMap<>();
    jdbc.query("select achieved_year, kind from awardee_achievement where awardee_id = ?", rs -> {
      byYear.computeIfAbsent(rs.getInt(1), y -> new TreeSet<>()).add(rs.getString(2));
    }, awardeeId);
    jdbc.query("select period_year, form from award where awardee_id = ?", rs -> {
      byYear.computeIfAbsent(rs.getInt(1), y -> new TreeSet<>()).add(rs.getString(2));
    }, awardeeId);
    return byYear;
  }

  private Line evaluate(Map<String, Object> r, Map<Integer, Set<String>> byYear, int year) {
    String code = (String) r.get("code");
    String description = (String) r.get("description");
    String source = (String) r.get("source");
    boolean confirmed = Boolean.TRUE.equals(r.get("confirmed"));
    Set<String> kinds = r.get("achievement_kinds") == null ? Set.of()
        : Arrays.stream(((String) r.get("achievement_kinds")).split(",")).map(String::strip).collect(Collectors.toSet());
    Integer min = r.get("min_count") == null ? null : ((Number) r.get("min_count")).intValue();
    Integer years = r.get("years") == null ? null : ((Number) r.get("years")).intValue();
    String kind = (String) r.get("kind");
    if (!confirmed || "COUNCIL_JUDGEMENT".equals(kind)) {
      return new Line(code, description, "Hội đồng xem xét", "Tiêu chuẩn " + PENDING + "; không tự loại ứng viên",
          source, false);
    }
    return switch (kind) {
      case "HOLDS_AWARD" -> {
        List<String> held = new ArrayList<>();
        byYear.forEach((y, ks) -> ks.stream().filter(kinds::contains).forEach(k -> held.add(label(k) + " " + y)));
        boolean met = held.size() >= min;
        yield new Line(code, description, met ? "Đạt" : "Không đạt", met ? "Đã có: " + String.join("; ", held)
            : "Chưa có " + labels(kinds) + " nào được xác nhận (cần ít nhất " + min + ")", source, true);
      }
      case "CONSECUTIVE_YEARS" -> {
        int streak = streak(byYear, kinds, year);
        boolean met = streak >= years;
        yield new Line(code, description, met ? "Đạt" : "Không đạt", "Liên tục " + streak + " năm tính đến năm "
            + year + " (" + labels(kinds) + "), cần ít nhất " + years + " năm"
            + (met ? "" : "; " + missing(byYear, kinds, year, years)), source, true);
      }
      case "COUNT_IN_YEARS" -> {
        // "trong thời gian đó" (Điều 73): the run of rated years up to the proposal, at least the rule's years
        int window = Math.max(years, streak(byYear, ratingKinds(), year));
        List<Integer> hits = new ArrayList<>();
        for (int y = year - window + 1; y <= year; y++) {
          if (byYear.getOrDefault(y, Set.of()).stream().anyMatch(kinds::contains)) {
            hits.add(y);
          }
        }
        boolean met = hits.size() >= min;
        yield new Line(code, description, met ? "Đạt" : "Không đạt", hits.size() + " lần " + labels(kinds)
            + " trong các năm " + (year - window + 1) + "–" + year + (hits.isEmpty() ? "" : " (" + hits + ")")
            + ", cần ít nhất " + min + " lần", source, true);
      }
      default -> new Line(code, description, "Hội đồng xem xét", "Loại quy tắc \"" + kind + "\" chưa được hỗ trợ",
          source, false);
    };
  }

  private static boolean inForce(Map<String, Object> r, LocalDate day) {
    LocalDate from = date(r.get("valid_from"));
    LocalDate to = date(r.get("valid_to"));
    return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
  }

  private static String period(Map<String, Object> r) {
    LocalDate from = date(r.get("valid_from"));
    LocalDate to = date(r.get("valid_to"));
    return "tiêu chuẩn áp dụng" + (from == null ? "" : " từ " + Dates.vn(from))
        + (to == null ? "" : " đến hết " + Dates.vn(to));
  }

  private static LocalDate date(Object value) {
    return value == null ? null : value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
  }

  private static Set<String> ratingKinds() {
    return Set.of(AchievementKind.RATING_GOOD.name(), AchievementKind.RATING_EXCELLENT.name());
  }

  private static int streak(Map<Integer, Set<String>> byYear, Set<String> kinds, int year) {
    int n = 0;
    while (byYear.getOrDefault(year - n, Set.of()).stream().anyMatch(kinds::contains)) {
      n++;
    }
    return n;
  }

  private static String missing(Map<Integer, Set<String>> byYear, Set<String> kinds, int year, int years) {
    List<Integer> gaps = new ArrayList<>();
    for (int y = year - years + 1; y <= year; y++) {
      if (byYear.getOrDefault(y, Set.of()).stream().noneMatch(kinds::contains)) {
        gaps.add(y);
      }
    }
    return "thiếu các năm " + gaps;
  }

  private static String labels(Set<String> kinds) {
    return kinds.stream().sorted().map(EligibilityService::label).collect(Collectors.joining(" hoặc "));
  }

  private static String label(String kind) {
    try {
      return AchievementKind.valueOf(kind).label();
    } catch (IllegalArgumentException e) {
      return kind;
    }
  }
}
