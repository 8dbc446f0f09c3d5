package vn.hoctap.admin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.admin.AuditLog.Target;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.DomainException.Problem;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.AuthorityRule;
import vn.hoctap.org.AuthorityRuleDefaults;
import vn.hoctap.org.AuthorityRuleRepository;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;

/**
 * An administrator's view and edits of a province's effective-dated authority rules (who receives, who signs, from
 * when to when). A change is checked whole — every problem is named with its field — and saved with its audit row;
 * two versions of one procedure and applicant tier may not share a day. Open dossiers keep the route they were
 * opened with.
 */
@Service
public class AuthorityRules {

  /** What the form sends; dates as yyyy-MM-dd (empty = no bound), version of the row edited (null for a new one). */
  public record Edit(String procedure, String unitTier, String reviewerTier, String reviewerTitle,
      String signerTier, String signerRole, String signerTitle, String decisionCode, boolean confirmed, String note,
      String validFrom, String validTo, Long version) {

    public static Edit of(AuthorityRule r) {
      return new Edit(r.getProcedure(), r.getUnitTier().name(), r.getReviewerTier().name(), r.getReviewerTitle(),
          r.getSignerTier().name(), r.getSignerRole(), r.getSignerTitle(), r.getDecisionCode(), r.isConfirmed(),
          r.getNote(), r.getValidFrom() == null ? "" : r.getValidFrom().toString(),
          r.getValidTo() == null ? "" : r.getValidTo().toString(), r.getVersion());
    }
  }

  /** The signer roles a rule may name, with their words. */
  public static final Map<String, String> SIGNER_ROLES = Map.of(
      "signer", "Chủ tịch UBND / Bộ trưởng (người ký)",
      "director", "Trưởng phòng / Giám đốc Sở (thủ trưởng cơ quan giáo dục)");

  private final AuthorityRuleRepository rules;
  private final OrgUnitRepository orgs;
  private final AuditLog audit;

  AuthorityRules(AuthorityRuleRepository rules, OrgUnitRepository orgs, AuditLog audit) {
    this.rules = rules;
    this.orgs = orgs;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public OrgUnit province(String code) {
    OrgUnit p = orgs.findByCode(code == null ? "" : code.strip()).orElseThrow(() -> DomainException.notFound(
        "Không tìm thấy tỉnh / thành phố có mã \"" + code + "\"."));
    if (p.getKind() != OrgKind.PROVINCE) {
      throw DomainException.badInput("\"" + p.getName() + "\" không phải tỉnh / thành phố.");
    }
    return p;
  }

  @Transactional(readOnly = true)
  public List<OrgUnit> provinces() {
    return orgs.findByParentIsNullOrderByCode().stream().filter(o -> o.getKind() == OrgKind.PROVINCE).toList();
  }

  @Transactional(readOnly = true)
  public List<AuthorityRule> ofProvince(OrgUnit province) {
    return rules.findByProvinceIdOrderByProcedureAscUnitTierAscValidFromAsc(province.getId());
  }

  @Transactional(readOnly = true)
  public AuthorityRule get(Long id) {
    return rules.findById(id).orElseThrow(() -> DomainException.notFound("Không tìm thấy quy tắc thẩm quyền số "
        + id + "."));
  }

  /** Saves a new version (id null) or changes one; refuses with every problem next to its field. */
  @Transactional
  public AuthorityRule save(String actor, String provinceCode, Long id, Edit e) {
    OrgUnit province = province(provinceCode);
    AuthorityRule existing = id == null ? null : get(id);
    if (existing != null && !existing.getProvinceId().equals(province.getId())) {
      throw DomainException.notFound("Quy tắc số " + id + " không thuộc " + province.getName() + ".");
    }
    if (existing != null && e.version() != null && existing.getVersion() != e.version()) {
      throw DomainException.conflict("Người khác vừa sửa quy tắc này. Tải lại trang để xem bản mới rồi sửa lại.");
    }
    List<Problem> problems = new ArrayList<>();
    String procedure = existing != null ? existing.getProcedure() : e.procedure();
    if (procedure == null || java.util.Arrays.stream(Title.values()).noneMatch(t -> t.name().equals(procedure))) {
      problems.add(new Problem("procedure", "Chọn danh hiệu (Đơn vị học tập hoặc Cộng đồng học tập)."));
    }
    UnitKind.Tier unitTier = existing != null ? existing.getUnitTier()
        : parse(UnitKind.Tier.class, e.unitTier(), "unitTier", "Chọn cấp của đơn vị đề nghị.", problems);
    OrgKind reviewerTier = parse(OrgKind.class, e.reviewerTier(), "reviewerTier", "Chọn cấp tiếp nhận, thẩm định.",
        problems);
    OrgKind signerTier = parse(OrgKind.class, e.signerTier(), "signerTier", "Chọn cấp của người ký.", problems);
    for (OrgKind k : new OrgKind[] {reviewerTier, signerTier}) {
      if (k == OrgKind.UNIT || k == OrgKind.VILLAGE) {
        problems.add(new Problem(k == reviewerTier ? "reviewerTier" : "signerTier",
            "Chỉ chọn được Trung ương, tỉnh, huyện hoặc xã."));
      }
    }
    if (!SIGNER_ROLES.containsKey(e.signerRole())) {
      problems.add(new Problem("signerRole", "Chọn vai trò ký."));
    }
    String reviewerTitle = required(e.reviewerTitle(), "reviewerTitle", "Nhập tên cơ quan tiếp nhận.", problems);
    String signerTitle = required(e.signerTitle(), "signerTitle", "Nhập chức danh người ký.", problems);
    String decisionCode = required(e.decisionCode(), "decisionCode", "Nhập ký hiệu quyết định (ví dụ QĐ-UBND).",
        problems);
    if (decisionCode != null && decisionCode.length() > 40) {
      problems.add(new Problem("decisionCode", "Ký hiệu quyết định tối đa 40 ký tự."));
    }
    LocalDate from = date(e.validFrom(), "validFrom", problems);
    LocalDate to = date(e.validTo(), "validTo", problems);
    if (from != null && to != null && to.isBefore(from)) {
      problems.add(new Problem("validTo", "Ngày hết hiệu lực (" + Dates.vn(to) + ") phải từ ngày bắt đầu hiệu lực ("
          + Dates.vn(from) + ") trở đi."));
    }
    String note = e.note() == null || e.note().isBlank() ? null : e.note().strip();
    if (note != null && note.length() > 500) {
      problems.add(new Problem("note", "Căn cứ, ghi chú tối đa 500 ký tự."));
    }
    if (problems.isEmpty() && (from == null || to == null || !to.isBefore(from))) {
      for (AuthorityRule other : rules.findByProvinceIdAndProcedureAndUnitTier(province.getId(), procedure,
          unitTier)) {
        if (existing != null && other.getId().equals(existing.getId())) {
          continue;
        }
        if (other.overlaps(from, to)) {
          problems.add(new Problem("validFrom", "Trùng thời gian hiệu lực với quy tắc khác của cùng danh hiệu và"
              + " cấp (" + period(other) + ", " + other.getSignerTitle() + "). Sửa ngày của quy tắc đó trước."));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw DomainException.badInputOf("Chưa lưu được quy tắc thẩm quyền.", problems);
    }
    Map<String, Object> before = existing == null ? null : view(existing);
    AuthorityRule saved;
    if (existing == null) {
      saved = rules.save(new AuthorityRule(province.getId(), procedure, unitTier, reviewerTier, reviewerTitle,
          signerTier, e.signerRole(), signerTitle, decisionCode, e.confirmed(), note, from, to));
    } else {
      existing.update(reviewerTier, reviewerTitle, signerTier, e.signerRole(), signerTitle, decisionCode,
          e.confirmed(), note, from, to);
      saved = rules.saveAndFlush(existing);
    }
    audit.record(actor, existing == null ? "AUTHORITY_RULE_ADDED" : "AUTHORITY_RULE_CHANGED",
        Target.AUTHORITY_RULE, province.getCode() + "/" + procedure + "/" + unitTier, before, view(saved));
    return saved;
  }

  /**
   * Adds the rules of TT24/TT25 as written to a province that has none; a two-tier province also gets the
   * unconfirmed re-assignments from 01/07/2025.
   */
  @Transactional
  public int addDefaults(String actor, String provinceCode, boolean twoTier) {
    OrgUnit province = province(provinceCode);
    if (!ofProvince(province).isEmpty()) {
      throw DomainException.conflict(province.getName() + " đã có quy tắc thẩm quyền; sửa từng quy tắc thay vì"
          + " thêm bộ quy tắc theo văn bản.");
    }
    List<AuthorityRule> defaults = AuthorityRuleDefaults.forProvince(province.getId(), twoTier);
    rules.saveAll(defaults);
    audit.record(actor, "AUTHORITY_RULES_ADDED", Target.AUTHORITY_RULE, province.getCode(), null,
        Map.of("twoTier", twoTier, "rules", defaults.stream().map(AuthorityRules::view).toList()));
    return defaults.size();
  }

  /** "từ 26/01/2024 đến 30/06/2025", "từ 01/07/2025", "không giới hạn". */
  public static String period(AuthorityRule r) {
    if (r.getValidFrom() == null && r.getValidTo() == null) {
      return "không giới hạn thời gian";
    }
    return (r.getValidFrom() == null ? "" : "từ " + Dates.vn(r.getValidFrom()))
        + (r.getValidFrom() != null && r.getValidTo() != null ? " " : "")
        + (r.getValidTo() == null ? "" : "đến " + Dates.vn(r.getValidTo()));
  }

  static Map<String, Object> view(AuthorityRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("procedure", r.getProcedure());
    m.put("unitTier", r.getUnitTier());
    m.put("reviewer", r.getReviewerTier() + " " + r.getReviewerTitle());
    m.put("signer", r.getSignerTier() + " " + r.getSignerRole() + " " + r.getSignerTitle());
    m.put("decisionCode", r.getDecisionCode());
    m.put("validFrom", r.getValidFrom() == null ? null : r.getValidFrom().toString());
    m.put("validTo", r.getValidTo() == null ? null : r.getValidTo().toString());
    m.put("confirmed", r.isConfirmed());
    m.put("note", r.getNote());
    return m;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String message,
      List<Problem> problems) {
    try {
      return Enum.valueOf(type, value == null ? "" : value.strip());
    } catch (IllegalArgumentException ex) {
      problems.add(new Problem(field, message));
      return null;
    }
  }

  private static String required(String value, String field, String message, List<Problem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new Problem(field, message));
      return null;
    }
    if (value.strip().length() > 200) {
      problems.add(new Problem(field, "Tối đa 200 ký tự."));
    }
    return value.strip();
  }

  private static LocalDate date(String value, String field, List<Problem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      // the date field sends yyyy-MM-dd; a browser without one lets the administrator type dd/mm/yyyy
      return v.contains("/") ? LocalDate.parse(v, Dates.VN) : LocalDate.parse(v);
    } catch (DateTimeParseException ex) {
      problems.add(new Problem(field, "Ngày \"" + value.strip() + "\" không hợp lệ (dạng ngày/tháng/năm)."));
      return null;
    }
  }
}
