package vn.hoctap.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.admin.AuditLog;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.DomainException.Problem;
import vn.hoctap.common.TransactionMemo;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;

/**
 * The administrators' edits of the deadline rules: the national rows are the texts and stay as written; a province
 * overrides one of them with its own date (day/month of year N + offset) or number of working days, with the text
 * that decides it. Every field is checked before anything is saved, a stale edit is refused, every change is
 * audited, and the processes dated by the rule follow it ({@link DeadlineRuleChanged}, same transaction).
 */
@Service
public class DeadlineRules {

  private final DeadlineRuleRepository rules;
  private final OrgUnitRepository orgs;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  DeadlineRules(DeadlineRuleRepository rules, OrgUnitRepository orgs, AuditLog audit,
      ApplicationEventPublisher events) {
    this.rules = rules;
    this.orgs = orgs;
    this.audit = audit;
    this.events = events;
  }

  /** What an administrator typed: numbers as text, so that what they typed comes back unchanged on a refusal. */
  public record Form(Long nationalId, Long provinceId, String day, String month, String yearOffset,
      String workingDays, String remindDaysBefore, String source, boolean confirmed, Long version) {
    public static Form empty() {
      return new Form(null, null, "", "", "1", "", "7", "", false, null);
    }

    static Form of(DeadlineRule r, Long nationalId) {
      return new Form(nationalId, r.getProvinceId(), r.getDay() == null ? "" : String.valueOf(r.getDay()),
          r.getMonth() == null ? "" : String.valueOf(r.getMonth()), String.valueOf(r.getYearOffset()),
          r.getWorkingDays() == null ? "" : String.valueOf(r.getWorkingDays()),
          String.valueOf(r.getRemindDaysBefore()), r.getSource(), r.isConfirmed(), r.getRowVersion());
    }
  }

  /** The national rules (the texts), in the order of the overview. */
  @Transactional(readOnly = true)
  public List<DeadlineRule> national() {
    return rules.findAll().stream().filter(r -> r.getProvinceId() == null && r.getAssessmentYear() == null)
        .sorted(java.util.Comparator.comparing(DeadlineRule::getProcedure).thenComparing(DeadlineRule::getUnitTier)
            .thenComparing(DeadlineRule::getKind))
        .toList();
  }

  /** The province rows (every year), each with the national rule it overrides. */
  @Transactional(readOnly = true)
  public List<DeadlineRule> overrides() {
    return rules.findAll().stream().filter(r -> r.getProvinceId() != null && r.getAssessmentYear() == null)
        .sorted(java.util.Comparator.comparing(DeadlineRule::getProvinceId).thenComparing(DeadlineRule::getProcedure)
            .thenComparing(DeadlineRule::getUnitTier).thenComparing(DeadlineRule::getKind))
        .toList();
  }

  @Transactional(readOnly = true)
  public DeadlineRule get(long id) {
    return rules.findById(id).orElseThrow(() -> DomainException.notFound("Không có thời hạn này, hoặc thời hạn vừa"
        + " được người khác xoá."));
  }

  /** The national rule a province row overrides. */
  @Transactional(readOnly = true)
  public DeadlineRule nationalOf(DeadlineRule r) {
    return national().stream().filter(n -> n.getProcedure().equals(r.getProcedure())
        && n.getUnitTier() == r.getUnitTier() && n.getKind() == r.getKind()).findFirst().orElse(r);
  }

  /** The form filled with a province row, to edit it. */
  @Transactional(readOnly = true)
  public Form formOf(long id) {
    DeadlineRule r = get(id);
    return Form.of(r, nationalOf(r).getId());
  }

  /** Adds a province's own rule for a national rule, or changes one ({@code id} not null). */
  @Transactional
  public DeadlineRule save(String actor, Long id, Form in) {
    List<Problem> problems = new ArrayList<>();
    DeadlineRule existing = null;
    DeadlineRule national;
    OrgUnit province = null;
    if (id != null) {
      existing = get(id);
      if (existing.getProvinceId() == null) {
        throw DomainException.rule("Thời hạn toàn quốc là quy định của văn bản, không sửa ở đây: hãy thêm cấu hình"
            + " riêng của tỉnh.");
      }
      if (in.version() == null || existing.getRowVersion() != in.version()) {
        throw DomainException.conflict("Thời hạn này vừa được người khác sửa. Hãy xem lại rồi làm lại.");
      }
      national = nationalOf(existing);
      province = orgs.findById(existing.getProvinceId()).orElseThrow();
    } else {
      national = in.nationalId() == null ? null : rules.findById(in.nationalId())
          .filter(r -> r.getProvinceId() == null && r.getAssessmentYear() == null).orElse(null);
      if (national == null) {
        problems.add(new Problem("rule", "Hãy chọn thời hạn của văn bản cần cấu hình riêng."));
      }
      province = in.provinceId() == null ? null : orgs.findById(in.provinceId())
          .filter(o -> o.getKind() == OrgKind.PROVINCE && !o.isDissolved()).orElse(null);
      if (province == null) {
        problems.add(new Problem("province", "Hãy chọn tỉnh, thành phố."));
      }
      if (national != null && province != null) {
        Long p = province.getId();
        DeadlineRule n = national;
        if (rules.findAll().stream().anyMatch(r -> p.equals(r.getProvinceId()) && r.getAssessmentYear() == null
            && r.getProcedure().equals(n.getProcedure()) && r.getUnitTier() == n.getUnitTier()
            && r.getKind() == n.getKind())) {
          problems.add(new Problem("rule", province.getName() + " đã có cấu hình riêng cho thời hạn này: hãy sửa"
              + " dòng đó."));
        }
      }
    }
    Integer day = number(in.day(), "day", "Ngày", 1, 31, problems);
    Integer month = number(in.month(), "day", "Tháng", 1, 12, problems);
    Integer working = number(in.workingDays(), "workingDays", "Số ngày làm việc", 1, 365, problems);
    Integer remind = number(in.remindDaysBefore(), "remind", "Số ngày nhắc trước hạn", 0, 60, problems);
    Integer offset = number(in.yearOffset(), "yearOffset", "Năm của hạn", 0, 1, problems);
    boolean dateTyped = !blank(in.day()) || !blank(in.month());
    if (dateTyped && !blank(in.workingDays())) {
      problems.add(new Problem("day", "Chỉ ghi một trong hai: ngày/tháng, hoặc số ngày làm việc."));
    } else if (!dateTyped && blank(in.workingDays())) {
      problems.add(new Problem("day", "Cần ghi ngày/tháng của hạn, hoặc số ngày làm việc."));
    } else if (dateTyped && (day == null) != (month == null) && problems.stream()
        .noneMatch(p -> p.field().equals("day"))) {
      problems.add(new Problem("day", "Cần ghi cả ngày và tháng."));
    } else if (day != null && month != null) {
      if (month == 2 && day == 29) {
        problems.add(new Problem("day", "Ngày 29/02 không có ở mọi năm: hãy chọn 28/02 hoặc 01/03."));
      } else if (day > LocalDate.of(2023, month, 1).lengthOfMonth()) {
        problems.add(new Problem("day", String.format("Ngày %02d/%02d không có thật: tháng %d chỉ có %d ngày.", day,
            month, month, LocalDate.of(2023, month, 1).lengthOfMonth())));
      }
    }
    if (remind == null && blank(in.remindDaysBefore())) {
      problems.add(new Problem("remind", "Cần ghi số ngày nhắc trước hạn (0 nếu không nhắc)."));
    }
    String source = in.source() == null ? "" : in.source().strip();
    if (source.isEmpty()) {
      problems.add(new Problem("source", "Cần ghi căn cứ: số, ngày của văn bản của tỉnh quy định hạn này."));
    } else if (source.length() > 300) {
      problems.add(new Problem("source", "Căn cứ dài quá 300 ký tự: hãy ghi số và ngày của văn bản."));
    }
    if (!problems.isEmpty()) {
      throw DomainException.badInputOf(id == null ? "Chưa thêm được thời hạn." : "Chưa lưu được thời hạn.",
          problems);
    }
    Map<String, Object> before = existing == null ? null : describe(existing);
    DeadlineRule rule = existing != null ? existing : DeadlineRule.overrideOf(national, province.getId());
    boolean dated = day != null;
    rule.set(dated ? month : null, dated ? day : null, dated ? offset : 0, dated ? null : working, remind, source,
        in.confirmed());
    rule = rules.saveAndFlush(rule);
    TransactionMemo.forgetAll(Object.class);
    audit.record(actor, existing == null ? "DEADLINE_RULE_ADDED" : "DEADLINE_RULE_CHANGED", AuditLog.Target.DEADLINE,
        String.valueOf(rule.getId()), before, describe(rule));
    events.publishEvent(new DeadlineRuleChanged(rule.getProcedure(), rule.getUnitTier(), rule.getKind(),
        rule.getProvinceId()));
    return rule;
  }

  /** Removes a province's rule (the national one applies again), if nobody changed it since the page was shown. */
  @Transactional
  public DeadlineRule remove(String actor, long id, long version) {
    DeadlineRule rule = get(id);
    if (rule.getProvinceId() == null) {
      throw DomainException.rule("Thời hạn toàn quốc là quy định của văn bản, không xoá được.");
    }
    if (rule.getRowVersion() != version) {
      throw DomainException.conflict("Thời hạn này vừa được người khác sửa. Hãy xem lại rồi làm lại.");
    }
    rules.delete(rule);
    rules.flush();
    TransactionMemo.forgetAll(Object.class);
    audit.record(actor, "DEADLINE_RULE_REMOVED", AuditLog.Target.DEADLINE, String.valueOf(id), describe(rule), null);
    events.publishEvent(new DeadlineRuleChanged(rule.getProcedure(), rule.getUnitTier(), rule.getKind(),
        rule.getProvinceId()));
    return rule;
  }

  /** The date of a rule in words: "trước ngày 15/03 năm N + 1", "20 ngày làm việc", "văn bản không ghi ngày". */
  public static String when(DeadlineRule r) {
    if (r.getWorkingDays() != null) {
      return r.getWorkingDays() + " ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ";
    }
    if (r.dated()) {
      return "Trước ngày " + String.format("%02d/%02d", r.getDay(), r.getMonth()) + " năm "
          + (r.getYearOffset() == 0 ? "N" : "N + " + r.getYearOffset());
    }
    return "Văn bản không ghi ngày — chờ cấu hình ngày";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static Integer number(String typed, String field, String what, int min, int max, List<Problem> problems) {
    if (blank(typed)) {
      return null;
    }
    try {
      int n = Integer.parseInt(typed.strip());
      if (n < min || n > max) {
        problems.add(new Problem(field, what + " phải từ " + min + " đến " + max + "."));
        return null;
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(new Problem(field, what + " phải là một số (\"" + typed.strip() + "\" không phải)."));
      return null;
    }
  }

  private static Map<String, Object> describe(DeadlineRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("danhHieu", r.getProcedure());
    m.put("cap", r.getUnitTier().label());
    m.put("loai", r.getKind().label());
    m.put("tinh", r.getProvinceId());
    m.put("han", when(r));
    m.put("nhacTruoc", r.getRemindDaysBefore());
    m.put("canCu", r.getSource());
    m.put("daXacNhan", r.isConfirmed());
    return m;
  }

}
