package vn.hoctap.report;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.citizen.Subject;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.report.Plan.ReportDue;
import vn.hoctap.report.Plan.Target;

/** The plans of the movement, their targets and report due dates (tables learning_plan, plan_target, plan_report_due). */
@Service
public class PlanCatalog {

  private final JdbcTemplate jdbc;
  private final EngineClock clock;

  PlanCatalog(JdbcTemplate jdbc, EngineClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A new plan; scopeCode may be null when the issuing body's area is not in the organisation tree. */
  @Transactional
  public long createPlan(String code, String name, String issuingBody, String scopeCode, int from, int to,
      String source) {
    if (from > to) {
      throw DomainException.badInput("Giai đoạn của kế hoạch không hợp lệ: năm bắt đầu " + from
          + " sau năm kết thúc " + to + ".");
    }
    Long scopeId = scopeCode == null ? null : orgId(scopeCode);
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement("insert into learning_plan (code, name, issuing_body, scope_org_id, period_from,"
          + " period_to, source, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, code);
      ps.setString(2, name);
      ps.setString(3, issuingBody);
      ps.setObject(4, scopeId);
      ps.setInt(5, from);
      ps.setInt(6, to);
      ps.setString(7, source);
      ps.setTimestamp(8, Timestamp.from(clock.now()));
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  /**
   * A target of the plan. roundSubjects: for a title of people, households or clans, the round entries it counts
   * (a subset of {@link Measure#roundSubjects()}), or null when its population cannot be counted from the rounds.
   */
  @Transactional
  public void addTarget(long planId, Measure measure, String population, String populationKind, String unitTier,
      Set<Subject> roundSubjects, Double percent, Integer year, String note, boolean confirmed) {
    if (percent != null && (percent < 0 || percent > 100)) {
      throw DomainException.badInput("Chỉ tiêu phải từ 0 đến 100 %, không phải " + percent + ".");
    }
    if (roundSubjects != null && (roundSubjects.isEmpty() || !measure.roundSubjects().containsAll(roundSubjects))) {
      throw DomainException.badInput("Chỉ tiêu " + measure.label() + " không tính được từ các đối tượng "
          + roundSubjects.stream().map(Subject::label).toList() + " của đợt đánh giá.");
    }
    Integer sort = jdbc.queryForObject("select count(*) from plan_target where plan_id = ?", Integer.class, planId);
    jdbc.update("insert into plan_target (plan_id, measure, population, population_kind, unit_tier, round_subjects,"
        + " target_percent, target_year, note, confirmed, sort_no) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", planId,
        measure.name(), population, populationKind, unitTier, roundSubjects == null ? null
            : roundSubjects.stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
        percent, year, note, confirmed, sort);
  }

  /** "WORKER,OFFICIAL" (names in enum order, as addTarget writes them) → the subjects; null stays null. */
  static Set<Subject> subjects(String column) {
    if (column == null || column.isBlank()) {
      return null;
    }
    Set<Subject> set = EnumSet.noneOf(Subject.class);
    for (String name : column.split(",")) {
      set.add(Subject.valueOf(name.strip()));
    }
    return Collections.unmodifiableSet(set);
  }

  @Transactional
  public void addReportDue(long planId, String reporter, String recipient, String reporterOrgCode, int month,
      int day, int yearOffset, int remindDaysBefore) {
    jdbc.update("insert into plan_report_due (plan_id, reporter, recipient, reporter_org_id, month_of_year,"
        + " day_of_month, year_offset, remind_days_before) values (?, ?, ?, ?, ?, ?, ?, ?)", planId, reporter,
        recipient, reporterOrgCode == null ? null : orgId(reporterOrgCode), month, day, yearOffset,
        remindDaysBefore);
  }

  @Transactional(readOnly = true)
  public boolean exists(String code) {
    return jdbc.queryForObject("select count(*) from learning_plan where code = ?", Integer.class, code) > 0;
  }

  @Transactional(readOnly = true)
  public List<Plan> all() {
    List<Object[]> heads = jdbc.query("select p.id, p.code, p.name, p.issuing_body, o.code, o.name, o.path,"
        + " p.period_from, p.period_to, p.source from learning_plan p left join org_unit o on o.id = p.scope_org_id"
        + " order by p.id", (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9),
            rs.getString(10)});
    Map<Long, List<Target>> targets = jdbc.query("select id, plan_id, measure, population, population_kind,"
        + " unit_tier, target_percent, target_year, note, confirmed, round_subjects from plan_target"
        + " order by plan_id, sort_no",
        (rs, i) -> Map.entry(rs.getLong(2), new Target(rs.getLong(1), Measure.valueOf(rs.getString(3)),
            rs.getString(4), rs.getString(5), rs.getString(6), subjects(rs.getString(11)),
            rs.getBigDecimal(7) == null ? null : rs.getBigDecimal(7).doubleValue(),
            (Integer) rs.getObject(8, Integer.class), rs.getString(9), rs.getBoolean(10))))
        .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
            Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    Map<Long, List<ReportDue>> dues = jdbc.query("select d.id, d.plan_id, d.reporter, d.recipient, o.code,"
        + " d.month_of_year, d.day_of_month, d.year_offset, d.remind_days_before from plan_report_due d"
        + " left join org_unit o on o.id = d.reporter_org_id order by d.plan_id, d.id",
        (rs, i) -> Map.entry(rs.getLong(2), new ReportDue(rs.getLong(1), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9))))
        .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
            Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    List<Plan> plans = new ArrayList<>();
    for (Object[] h : heads) {
      long id = (Long) h[0];
      plans.add(new Plan(id, (String) h[1], (String) h[2], (String) h[3], (String) h[4], (String) h[5],
          (String) h[6], (Integer) h[7], (Integer) h[8], (String) h[9], targets.getOrDefault(id, List.of()),
          dues.getOrDefault(id, List.of())));
    }
    return plans;
  }

  public Optional<ReportDue> reportDue(long id) {
    return all().stream().flatMap(p -> p.reportDues().stream()).filter(d -> d.id() == id).findFirst();
  }

  private long orgId(String code) {
    List<Long> ids = jdbc.queryForList("select id from org_unit where code = ?", Long.class, code);
    if (ids.isEmpty()) {
      throw DomainException.badInput("Không có đơn vị mã " + code + " trong cây tổ chức.");
    }
    return ids.get(0);
  }
}
