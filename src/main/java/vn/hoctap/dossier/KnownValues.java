package vn.hoctap.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.citizen.RoundService;
import vn.hoctap.recognition.RecognitionService;
import vn.hoctap.common.Dates;
import vn.hoctap.criteria.CriteriaCatalog;
import vn.hoctap.criteria.CriteriaSet;
import vn.hoctap.criteria.Indicator;
import vn.hoctap.criteria.IndicatorInput;
import vn.hoctap.criteria.RuleKind;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.PathPrefix;
import vn.hoctap.recognition.RecognitionService;

/**
 * The indicator values hoctap already holds for a dossier, so that nobody retypes them (issue 19 item 2): the share
 * of a unit's members and learners holding "Công dân học tập" from its latest decided round, the number of a
 * commune's citizens holding it from the commune's round (the commune's population is not in hoctap, so the total
 * stays the commune's to enter), the share of communes (districts) holding "Cộng đồng học tập" from hoctap's own
 * decisions, and last year's figure of a year-on-year indicator from last year's dossier. Each value comes with its
 * source in words; a person may change it, but then has to say why (checked when the values are saved).
 */
@Component
public class KnownValues {

  /**
   * A value hoctap knows: the fields it fills ({@code value}, the others null), where it comes from, and — when the
   * source is a decision recorded in hoctap — that decision, which stands as evidence while the value is kept.
   */
  public record Known(IndicatorInput value, String source, String evidenceRecord) {

    /** Whether {@code entered} keeps every field this value fills. */
    public boolean keptIn(IndicatorInput entered) {
      if (entered == null) {
        return false;
      }
      return (value.met() == null || Objects.equals(value.met(), entered.met()))
          && (value.total() == null || Objects.equals(value.total(), entered.total()))
          && (value.previous() == null || (entered.previous() != null
              && value.previous().compareTo(entered.previous()) == 0))
          && (value.current() == null || (entered.current() != null
              && value.current().compareTo(entered.current()) == 0));
    }
  }

  private final RoundService rounds;
  private final CriteriaCatalog catalog;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  KnownValues(RoundService rounds, CriteriaCatalog catalog, JdbcTemplate jdbc, ObjectMapper json) {
    this.rounds = rounds;
    this.catalog = catalog;
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The known values of the dossier's applicable indicators, by indicator code. */
  @Transactional(readOnly = true)
  public Map<String, Known> of(Dossier d, CriteriaSet set) {
    Map<String, Known> out = new LinkedHashMap<>();
    for (Indicator i : set.indicators()) {
      if (!i.appliesTo(d.getUnit().profile())) {
        continue;
      }
      Optional<Known> k = i.rule() == RuleKind.YEAR_ON_YEAR ? lastYear(d, i) : i.feed() == null ? Optional.empty()
          : switch (i.feed()) {
            case ROUND_MEMBERS -> round(d, false);
            case ROUND_LEARNERS -> round(d, true);
            case ROUND_CITIZENS -> citizens(d);
            case RECOGNISED_COMMUNES -> recognised(d, OrgKind.COMMUNE, "xã");
            case RECOGNISED_DISTRICTS -> recognised(d, OrgKind.DISTRICT, "huyện");
          };
      k.ifPresent(v -> out.put(i.code(), v));
    }
    return out;
  }

  /** {@code saved} plus the known values of the indicators nobody has filled in yet (saved values always win). */
  public Map<String, IndicatorInput> withKnown(Map<String, IndicatorInput> saved, Map<String, Known> known) {
    Map<String, IndicatorInput> out = new LinkedHashMap<>(saved);
    known.forEach((code, k) -> {
      IndicatorInput current = saved.get(code);
      boolean empty = current == null || (current.met() == null && current.total() == null
          && current.previous() == null && current.current() == null);
      if (empty) {
        out.put(code, k.value().withNote(k.source()));
      }
    });
    return out;
  }

  private Optional<Known> round(Dossier d, boolean learners) {
    return rounds.latestRatio(d.getUnit().getId(), d.getAssessmentYear(), learners).map(r -> {
      String decision = "quyết định số " + r.decisionNo() + " ngày " + Dates.vn(r.decisionDate());
      String who = learners ? "người học" : "thành viên";
      return new Known(IndicatorInput.ofCounts(r.recognised(), r.total()),
          "Số liệu hoctap đã có: đợt đánh giá “Công dân học tập” năm " + r.assessmentYear() + " của đơn vị ("
              + decision + "), " + r.recognised() + "/" + r.total() + " " + who + " được công nhận.",
          "Quyết định công nhận “Công dân học tập” (" + decision + ", đợt đánh giá năm " + r.assessmentYear()
              + ") lưu trong hoctap");
    });
  }

  private Optional<Known> citizens(Dossier d) {
    if (d.getUnit().getKind() != OrgKind.COMMUNE) {
      return Optional.empty();
    }
    return rounds.latestRatio(d.getUnit().getId(), d.getAssessmentYear(), false).map(r -> new Known(
        new IndicatorInput(null, r.recognised(), null, null, null, null),
        "Số liệu hoctap đã có: đợt đánh giá “Công dân học tập” năm " + r.assessmentYear() + " của xã (quyết định số "
            + r.decisionNo() + " ngày " + Dates.vn(r.decisionDate()) + "), " + r.recognised()
            + " công dân được công nhận. Tổng số công dân trong xã: xã nhập theo số liệu dân số và ghi cách tính"
            + " (hoctap không có số dân).", null));
  }

  /**
   * The communes (districts) under the applicant holding "Cộng đồng học tập" at the dossier's level or higher at the
   * end of the assessment year: a decision for an assessment year up to that year, still within its 3-year
   * retention (valid_until), over the communes (districts) of the area that are not dissolved. A commune formed by a
   * merger counts a predecessor's decision only once an administrator mapped it (RecognitionService.HELD).
   */
  private Optional<Known> recognised(Dossier d, OrgKind kind, String noun) {
    String path = d.getUnit().getPath();
    LocalDate endOfYear = LocalDate.of(d.getAssessmentYear(), 12, 31);
    Long total = jdbc.queryForObject("select count(*) from org_unit u where u.kind = ? and u.dissolved_at is null and "
        + PathPrefix.like("u.path"), Long.class, kind.name(), PathPrefix.pattern(path));
    if (total == null || total == 0) {
      return Optional.empty();
    }
    List<String> names = jdbc.queryForList("select u.name from org_unit u where u.kind = ? and u.dissolved_at is null"
        + " and " + PathPrefix.like("u.path") + " and exists (select 1 from " + RecognitionService.HELD + " r where"
        + " r.holder_id = u.id and r.title = 'LEARNING_COMMUNITY' and r.level >= ? and r.assessment_year <= ?"
        + " and r.valid_until >= ?)"
        + " order by u.name", String.class, kind.name(), PathPrefix.pattern(path), d.getLevel(),
        d.getAssessmentYear(), Date.valueOf(endOfYear));
    long met = names.size();
    String list = names.isEmpty() ? "" : ": " + String.join(", ", names.subList(0, Math.min(names.size(), 12)))
        + (names.size() > 12 ? " và " + (names.size() - 12) + " " + noun + " khác" : "");
    return Optional.of(new Known(IndicatorInput.ofCounts(met, total),
        "Số liệu hoctap đã có: " + met + "/" + total + " " + noun + " trên địa bàn có quyết định công nhận “Cộng đồng"
            + " học tập” cấp " + noun + " mức độ " + d.getLevel() + " trở lên còn hiệu lực ngày "
            + Dates.vn(endOfYear) + list + ".",
        "Các quyết định công nhận “Cộng đồng học tập” cấp " + noun + " lưu trong hoctap"));
  }

  /** This year's figure of last year's dossier of the same applicant and title becomes this year's "previous". */
  private Optional<Known> lastYear(Dossier d, Indicator i) {
    List<Map<String, Object>> last = jdbc.queryForList("select id, criteria_set_id from dossier where unit_id = ?"
        + " and title = ? and assessment_year = ? order by id desc", d.getUnit().getId(), d.getTitle().name(),
        d.getAssessmentYear() - 1);
    for (Map<String, Object> row : last) {
      long id = ((Number) row.get("id")).longValue();
      CriteriaSet lastSet = catalog.byId(((Number) row.get("criteria_set_id")).longValue()).set();
      if (lastSet.indicator(i.code()).map(x -> x.rule() != RuleKind.YEAR_ON_YEAR).orElse(true)) {
        continue;
      }
      List<String[]> revs = jdbc.query("select stage, values_json from dossier_revision where dossier_id = ?"
          + " order by case when stage = 'VERIFIED' then 0 else 1 end, revision_no desc",
          (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, id);
      for (String[] rev : revs) {
        IndicatorInput v = read(rev[1]).get(i.code());
        if (v != null && v.current() != null) {
          return Optional.of(new Known(IndicatorInput.ofYears(null, v.current()),
              "Số liệu hoctap đã có: năm " + (d.getAssessmentYear() - 1) + " là " + decimal(v.current())
                  + (i.unit() == null ? "" : " " + i.unit()) + " theo hồ sơ số " + id + " năm "
                  + (d.getAssessmentYear() - 1) + " (" + ("VERIFIED".equals(rev[0]) ? "số liệu sau thẩm định"
                  : "số liệu tự đánh giá") + ").", null));
        }
      }
    }
    return Optional.empty();
  }

  private static String decimal(java.math.BigDecimal d) {
    return d.stripTrailingZeros().toPlainString().replace('.', ',');
  }

  private Map<String, IndicatorInput> read(String values) {
    try {
      return json.readValue(values, DossierService.VALUES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
