package vn.hoctap.deadline;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.common.TransactionMemo;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.UnitKind;

/** Deadlines are data (ARCHITECTURE.md principle 4): resolved per procedure, tier, province and year. */
@Service
public class DeadlineService {

  private final DeadlineRuleRepository rules;
  private final DeadlineExtensionRepository extensions;
  private final JdbcTemplate jdbc;
  private final EngineClock clock;
  private final ApplicationEventPublisher events;
  private final WorkingDays workingDays;

  DeadlineService(DeadlineRuleRepository rules, DeadlineExtensionRepository extensions, JdbcTemplate jdbc,
      EngineClock clock, ApplicationEventPublisher events, WorkingDays workingDays) {
    this.events = events;
    this.workingDays = workingDays;
    this.rules = rules;
    this.jdbc = jdbc;
    this.extensions = extensions;
    this.clock = clock;
  }

  /**
   * The deadline of that kind for the unit and year: the most specific rule, moved by the unit's latest extension.
   * Computed once per transaction (a step's summary, timers and checks all ask for it).
   */
  @Transactional(readOnly = true)
  public EffectiveDeadline effective(String procedure, OrgUnit unit, DeadlineKind kind, int year) {
    return effective(procedure, unit, kind, year, null);
  }

  /**
   * The same, for a dossier whose complete, valid dossier was received on {@code startedOn} (null: not yet): the
   * start of a working-day rule such as the Minister's 20 working days (TT25 Điều 19 K2 e).
   */
  @Transactional(readOnly = true)
  public EffectiveDeadline effective(String procedure, OrgUnit unit, DeadlineKind kind, int year,
      LocalDate startedOn) {
    return find(procedure, unit, kind, year, startedOn).orElseThrow(() -> {
      UnitKind.Tier tier = unit.assessmentTier();
      return DomainException.rule(kind.label() + " cho " + (tier == null ? unit.getName() : tier.label()) + " của "
          + unit.province().getName() + " năm " + year + " chưa được cấu hình. Đề nghị quản trị viên cấu hình hạn.");
    });
  }

  /**
   * The same deadline, or empty where none is configured (or the unit has no assessment tier): for work that has a
   * deadline only where a province set one, such as the tasks of rounds and awards.
   */
  @Transactional(readOnly = true)
  public Optional<EffectiveDeadline> find(String procedure, OrgUnit unit, DeadlineKind kind, int year) {
    return find(procedure, unit, kind, year, null);
  }

  /** The same, counting a working-day rule from {@code startedOn} (see {@link #effective(String, OrgUnit,
   * DeadlineKind, int, LocalDate)}). */
  @Transactional(readOnly = true)
  public Optional<EffectiveDeadline> find(String procedure, OrgUnit unit, DeadlineKind kind, int year,
      LocalDate startedOn) {
    if (unit.assessmentTier() == null) {
      return Optional.empty();
    }
    return TransactionMemo.get(new Key(procedure, unit.assessmentTier(), unit.province().getId(), unit.getId(), kind,
        year, startedOn), () -> compute(procedure, unit.assessmentTier(), unit.province(), unit.getId(), kind, year,
        startedOn));
  }

  /**
   * The deadline of a rule of one tier in a province, for a body that is not itself of that tier: the Phòng GDĐT
   * reporting the results of the communes' "Cộng đồng học tập" (TT25 Điều 23 khoản 2). An extension granted to
   * {@code body} for that deadline moves it, as for a dossier's own deadline.
   */
  @Transactional(readOnly = true)
  public Optional<EffectiveDeadline> find(String procedure, UnitKind.Tier tier, OrgUnit body, DeadlineKind kind,
      int year) {
    return TransactionMemo.get(new Key(procedure, tier, body.province().getId(), body.getId(), kind, year, null),
        () -> compute(procedure, tier, body.province(), body.getId(), kind, year, null));
  }

  private record Key(String procedure, UnitKind.Tier tier, Long provinceId, Long unitId, DeadlineKind kind, int year,
      LocalDate startedOn) {}

  /**
   * One statement (plain JDBC: this runs in every step, and a JPA query costs far more CPU): the most specific
   * rule — province and year beat province beat national; among equals the newest — and the id of the unit's
   * latest extension, whose row is then read only if there is one.
   */
  private Optional<EffectiveDeadline> compute(String procedure, UnitKind.Tier tier, OrgUnit province, Long unitId,
      DeadlineKind kind, int year, LocalDate startedOn) {
    List<EffectiveDeadline> found = jdbc.query("select r.month_of_year, r.day_of_month, r.year_offset,"
        + " r.remind_days_before, r.source, r.confirmed, (select e.id from deadline_extension e where e.unit_id = ?"
        + " and e.procedure = r.procedure and e.kind = r.kind and e.assessment_year = ?"
        + " order by e.granted_at desc, e.id desc fetch first 1 rows only), r.working_days"
        + " from deadline_rule r where r.procedure = ? and r.unit_tier = ? and r.kind = ?"
        + " and (r.province_id is null or r.province_id = ?) and (r.assessment_year is null or r.assessment_year = ?)"
        + " order by case when r.province_id is null then 0 else 2 end"
        + " + case when r.assessment_year is null then 0 else 1 end desc, r.id desc fetch first 1 rows only",
        (rs, i) -> {
          int month = rs.getInt(1);
          boolean dated = !rs.wasNull();
          int day = rs.getInt(2);
          int offset = rs.getInt(3);
          int days = rs.getInt(8);
          Integer working = rs.wasNull() ? null : days;
          long extId = rs.getLong(7);
          DeadlineExtension ext = rs.wasNull() ? null : extensions.findById(extId).orElseThrow();
          LocalDate ruleDate = working != null
              ? workingDays.add(startedOn != null ? startedOn : clock.today(), working)
              : dated ? LocalDate.of(year + offset, month, day) : null;
          return new EffectiveDeadline(kind, ext != null ? ext.getExtendedUntil() : ruleDate, ruleDate, rs.getInt(4),
              rs.getString(5), rs.getBoolean(6), ext, working, working != null ? startedOn : null);
        }, unitId, year, procedure, tier.name(), kind.name(), province.getId(), year);
    return found.stream().findFirst();
  }

  /**
   * Grants an extension; the caller reschedules the timers of an open dossier, and the open tasks dated by this
   * deadline follow it ({@link DeadlineExtended}, same transaction).
   */
  @Transactional
  public DeadlineExtension extend(String procedure, OrgUnit unit, DeadlineKind kind, int year, LocalDate until,
      String reason, String grantedBy) {
    if (reason == null || reason.isBlank()) {
      throw DomainException.badInput("Cần ghi lý do gia hạn.");
    }
    if (reason.strip().length() > 2000) {
      throw DomainException.badInput("Lý do gia hạn dài quá 2000 ký tự: hãy tóm tắt, văn bản đầy đủ để ở hồ sơ.");
    }
    if (until == null || until.isBefore(clock.today())) {
      throw DomainException.badInput("Ngày gia hạn phải từ hôm nay trở đi.");
    }
    TransactionMemo.forgetAll(Key.class);
    DeadlineExtension saved = extensions.save(new DeadlineExtension(unit.getId(), procedure, kind, year, until,
        reason.strip(), grantedBy, clock.now()));
    extensions.flush();
    events.publishEvent(new DeadlineExtended(procedure, unit.getId(), kind, year));
    return saved;
  }

  /** Every rule, national first, for the administrators' overview of the texts' dates. */
  @Transactional(readOnly = true)
  public List<RuleView> rules() {
    return jdbc.query("select r.procedure, r.unit_tier, r.kind, p.name, r.assessment_year, r.month_of_year,"
        + " r.day_of_month, r.year_offset, r.working_days, r.source, r.confirmed from deadline_rule r"
        + " left join org_unit p on p.id = r.province_id"
        + " order by case when r.province_id is null then 0 else 1 end, p.name, r.procedure, r.unit_tier, r.kind,"
        + " r.assessment_year, r.id", (rs, i) -> {
          int month = rs.getInt(6);
          boolean dated = !rs.wasNull();
          int day = rs.getInt(7);
          int offset = rs.getInt(8);
          int working = rs.getInt(9);
          String when = !rs.wasNull() ? working + " ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"
              : dated ? "Trước ngày " + String.format("%02d/%02d", day, month) + " năm " + (offset == 0 ? "N"
                  : "N + " + offset)
              : "Văn bản không ghi ngày — ngày chờ được cấu hình, chưa tạo việc";
          int year = rs.getInt(5);
          return new RuleView(rs.getString(1), UnitKind.Tier.valueOf(rs.getString(2)),
              DeadlineKind.valueOf(rs.getString(3)), rs.getString(4), rs.wasNull() ? null : year, when,
              rs.getString(10), rs.getBoolean(11));
        });
  }

  /** A rule as the overview shows it; a null province is national, a null year every year. */
  public record RuleView(String procedure, UnitKind.Tier tier, DeadlineKind kind, String province, Integer year,
      String when, String source, boolean confirmed) {}

  @Transactional
  public DeadlineRule saveRule(DeadlineRule rule) {
    TransactionMemo.forgetAll(Key.class);
    return rules.save(rule);
  }
}
