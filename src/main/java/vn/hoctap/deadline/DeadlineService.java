package vn.hoctap.deadline;

import java.time.LocalDate;
import java.util.Comparator;
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
  private final EngineClock clock;

  DeadlineService(DeadlineRuleRepository rules, DeadlineExtensionRepository extensions, EngineClock clock) {
    this.rules = rules;
    this.extensions = extensions;
    this.clock = clock;
  }

  /**
   * The deadline of that kind for the unit and year: the most specific rule, moved by the unit's latest extension.
   * Computed once per transaction (a step's summary, timers and checks all ask for it).
   */
  @Transactional(readOnly = true)
  public EffectiveDeadline effective(String procedure, OrgUnit unit, DeadlineKind kind, int year) {
    return TransactionMemo.get(new Key(procedure, unit.getId(), kind, year),
        () -> compute(procedure, unit, kind, year));
  }

  private record Key(String procedure, Long unitId, DeadlineKind kind, int year) {}

  private EffectiveDeadline compute(String procedure, OrgUnit unit, DeadlineKind kind, int year) {
    UnitKind.Tier tier = unit.assessmentTier();
    OrgUnit province = unit.province();
    DeadlineRule rule = rules.candidates(procedure, tier, kind, province.getId(), year).stream()
        .max(Comparator.comparingInt(DeadlineRule::specificity))
        .orElseThrow(() -> DomainException.rule(kind.label() + " cho "
            + tier.label() + " của " + province.getName()
            + " năm " + year + " chưa được cấu hình. Đề nghị quản trị viên cấu hình hạn."));
    LocalDate ruleDate = rule.dateFor(year);
    DeadlineExtension ext = extensions
        .findFirstByUnitIdAndProcedureAndKindAndAssessmentYearOrderByGrantedAtDesc(unit.getId(), procedure, kind,
            year)
        .orElse(null);
    LocalDate date = ext != null ? ext.getExtendedUntil() : ruleDate;
    return new EffectiveDeadline(kind, date, ruleDate, rule.getRemindDaysBefore(), rule.getSource(),
        rule.isConfirmed(), ext);
  }

  /** Grants an extension; the caller reschedules the timers of an open dossier. */
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
    TransactionMemo.forget(new Key(procedure, unit.getId(), kind, year));
    return extensions.save(new DeadlineExtension(unit.getId(), procedure, kind, year, until, reason.strip(),
        grantedBy, clock.now()));
  }

  @Transactional
  public DeadlineRule saveRule(DeadlineRule rule) {
    TransactionMemo.forgetAll(Key.class);
    return rules.save(rule);
  }
}
