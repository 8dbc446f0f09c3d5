package vn.hoctap.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.common.TransactionMemo;
import vn.hoctap.criteria.CriteriaCatalog;
import vn.hoctap.criteria.CriteriaEvaluator;
import vn.hoctap.criteria.CriteriaInputValidator;
import vn.hoctap.criteria.CriteriaSet;
import vn.hoctap.criteria.EvaluationResult;
import vn.hoctap.criteria.EvidenceCheck;
import vn.hoctap.criteria.Indicator;
import vn.hoctap.criteria.IndicatorInput;
import vn.hoctap.criteria.InputError;
import vn.hoctap.criteria.StoredCriteriaSet;
import vn.hoctap.org.OrgUnit;

/**
 * The title-independent life of a dossier: revisions of indicator values, criteria evaluations, status and the
 * audit trail. Title-specific rules (deadlines, level gating, who may do what) live in the title's own service.
 */
@Service
public class DossierService {

  public static final TypeReference<Map<String, IndicatorInput>> VALUES = new TypeReference<>() {};
  public static final TypeReference<Map<String, Correction>> CORRECTIONS = new TypeReference<>() {};

  /** A reviewer's change of one indicator value: both values stay visible, with the reason. */
  public record Correction(IndicatorInput unitValue, IndicatorInput verifiedValue, String reason) {}

  private final DossierRepository dossiers;
  private final DossierRevisionRepository revisions;
  private final CriteriaEvaluationRepository evaluations;
  private final DossierEventRepository events;
  private final CriteriaCatalog catalog;
  private final CriteriaEvaluator evaluator;
  private final CriteriaInputValidator validator;
  private final ObjectMapper json;
  private final JdbcTemplate jdbc;
  private final EngineClock clock;
  private final KnownValues known;

  DossierService(DossierRepository dossiers, DossierRevisionRepository revisions,
      CriteriaEvaluationRepository evaluations, DossierEventRepository events, CriteriaCatalog catalog,
      CriteriaEvaluator evaluator, CriteriaInputValidator validator, ObjectMapper json, JdbcTemplate jdbc,
      EngineClock clock, KnownValues known) {
    this.known = known;
    this.dossiers = dossiers;
    this.revisions = revisions;
    this.evaluations = evaluations;
    this.events = events;
    this.catalog = catalog;
    this.evaluator = evaluator;
    this.validator = validator;
    this.json = json;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Dossier get(Long id) {
    return dossiers.findById(id).orElseThrow(() -> DomainException.notFound("Không tìm thấy hồ sơ số " + id + "."));
  }

  /**
   * The dossier, locked for the rest of the transaction: two people acting on it are serialised. A step locks it
   * once; later calls in the same transaction find the lock held and read the dossier from the persistence
   * context.
   */
  @Transactional
  public Dossier lock(Long id) {
    LockHeld held = new LockHeld(id);
    if (TransactionMemo.contains(held)) {
      return get(id);
    }
    Dossier d = dossiers.findForUpdateById(id)
        .orElseThrow(() -> DomainException.notFound("Không tìm thấy hồ sơ số " + id + "."));
    TransactionMemo.put(held, Boolean.TRUE);
    return d;
  }

  /** Memo key: this transaction holds the dossier's row lock. */
  private record LockHeld(Long dossierId) {}

  /** The unit's open dossier for a title and year, if there is one. */
  @Transactional(readOnly = true)
  public Optional<Dossier> findOpen(Title title, OrgUnit unit, int year) {
    return dossiers.findByOpenKey(Dossier.openKey(title, unit, year));
  }

  @Transactional
  public Dossier create(Dossier dossier, String actor) {
    findOpen(dossier.getTitle(), dossier.getUnit(), dossier.getAssessmentYear()).ifPresent(open -> {
          throw DomainException.conflict("Đơn vị \"" + open.getUnit().getName() + "\" đã có hồ sơ số " + open.getId()
              + " đề nghị công nhận " + open.getTitle().label() + " năm " + open.getAssessmentYear()
              + " đang xử lý (" + open.getStatus().label() + "). Mỗi đơn vị chỉ có một hồ sơ đang mở cho mỗi"
              + " danh hiệu và năm.");
        });
    Dossier saved = dossiers.saveAndFlush(dossier);
    record(saved.getId(), actor, "CREATED", "Lập hồ sơ", null, saved.describe());
    return saved;
  }

  @Transactional
  public void attachProcess(Long dossierId, String processInstanceId) {
    get(dossierId).attachProcess(processInstanceId);
  }

  @Transactional
  public void moveTo(Long dossierId, DossierStatus status) {
    lock(dossierId).moveTo(status, clock.now());
  }

  public CriteriaSet criteriaSet(Dossier dossier) {
    return storedCriteriaSet(dossier).set();
  }

  /** The criteria set version the dossier was opened with; later versions never change it. */
  public StoredCriteriaSet storedCriteriaSet(Dossier dossier) {
    return catalog.byId(dossier.getCriteriaSetId());
  }

  /** Validates and stores the unit's values as a new SELF revision; nothing is stored if anything is wrong. */
  @Transactional
  public DossierRevision saveSelfAssessment(Long dossierId, Map<String, IndicatorInput> values, String comment,
      String actor, String step) {
    Dossier dossier = lock(dossierId);
    List<String> details = problems(dossier, values);
    knownValueProblems(dossier, values).forEach(e -> details.add(e.code() + ": " + e.message()));
    if (!details.isEmpty()) {
      throw DomainException.badInput("Số liệu chưa hợp lệ, chưa lưu gì. Hãy sửa các chỉ tiêu sau:", details);
    }
    DossierRevision rev = revisions.save(new DossierRevision(dossierId, nextRevisionNo(dossierId),
        DossierRevision.Stage.SELF, write(values), null, blankToNull(comment), actor, clock.now()));
    record(dossierId, actor, "SELF_ASSESSMENT_SAVED", step, comment, "Phiên bản " + rev.getRevisionNo());
    return rev;
  }

  /**
   * Stores the appraiser's verified values. Every value that differs from the unit's latest values needs the
   * reason; both values are kept in the revision's corrections.
   */
  @Transactional
  public DossierRevision saveVerified(Long dossierId, Map<String, IndicatorInput> values, String correctionReason,
      String actor, String step) {
    Dossier dossier = lock(dossierId);
    requireValid(dossier, values);
    Map<String, IndicatorInput> unitValues = latestValues(dossierId, DossierRevision.Stage.SELF);
    Map<String, Correction> corrections = new LinkedHashMap<>();
    for (Map.Entry<String, IndicatorInput> e : values.entrySet()) {
      IndicatorInput before = unitValues.get(e.getKey());
      if (!sameValue(before, e.getValue())) {
        corrections.put(e.getKey(), new Correction(before, e.getValue(), blankToNull(correctionReason)));
      }
    }
    if (!corrections.isEmpty() && blankToNull(correctionReason) == null) {
      throw DomainException.badInput("Người thẩm định đã điều chỉnh số liệu của chỉ tiêu "
          + String.join(", ", corrections.keySet()) + ": cần ghi lý do điều chỉnh.");
    }
    DossierRevision rev = revisions.save(new DossierRevision(dossierId, nextRevisionNo(dossierId),
        DossierRevision.Stage.VERIFIED, write(values), corrections.isEmpty() ? null : write(corrections),
        blankToNull(correctionReason), actor, clock.now()));
    record(dossierId, actor, corrections.isEmpty() ? "APPRAISED" : "VALUES_CORRECTED", step, correctionReason,
        corrections.isEmpty() ? "Số liệu thẩm định trùng với số liệu đơn vị"
            : "Điều chỉnh chỉ tiêu " + String.join(", ", corrections.keySet()));
    return rev;
  }

  /**
   * Evaluates the latest revision of the given stage against the dossier's criteria set and stores the result.
   * Evidence (TT24 Điều 9 khoản 3, where the set requires it) warns on the unit's own values (SELF: the team may
   * still be collecting it, and the head decides whether to submit) and decides on the appraisal's (VERIFIED): an
   * indicator with no accepted evidence is "không đạt".
   */
  @Transactional
  public EvaluationResult evaluate(Long dossierId, DossierRevision.Stage stage) {
    Dossier dossier = get(dossierId);
    LatestRevision rev = latestRevision(dossierId, stage)
        .orElseThrow(() -> new IllegalStateException("Hồ sơ " + dossierId + " chưa có số liệu " + stage));
    EvaluationResult result = preview(dossier, read(rev.valuesJson(), VALUES), stage);
    jdbc.update("insert into criteria_evaluation (dossier_id, revision_id, stage, criteria_set_id, outcome,"
        + " result_json, evaluated_at) values (?, ?, ?, ?, ?, ?, ?)", dossierId, rev.id(), stage.name(),
        dossier.getCriteriaSetId(), result.outcome().name(), write(result), utc(clock.now()));
    record(dossierId, "hệ thống", "EVALUATED", null, null,
        (stage == DossierRevision.Stage.SELF ? "Số liệu tự đánh giá (phiên bản " : "Số liệu thẩm định (phiên bản ")
            + rev.revisionNo() + "): " + result.summary());
    return result;
  }

  /** The evaluation of these values at this stage's gateway, with the dossier's evidence; stores nothing. */
  @Transactional(readOnly = true)
  public EvaluationResult preview(Dossier dossier, Map<String, IndicatorInput> values, DossierRevision.Stage stage) {
    EvidenceCheck.Mode mode = stage == DossierRevision.Stage.VERIFIED ? EvidenceCheck.Mode.DECIDE
        : EvidenceCheck.Mode.WARN;
    CriteriaSet set = criteriaSet(dossier);
    return evaluator.evaluate(set, dossier.getUnit().profile(), values, evidence(dossier, set, values, mode));
  }

  /**
   * The evidence of each indicator: files not marked "không phù hợp" (a file not yet marked counts), the reasons of
   * those marked "không phù hợp", and hoctap's own decision where the value is the one hoctap supplied from it.
   */
  EvidenceCheck evidence(Dossier dossier, CriteriaSet set, Map<String, IndicatorInput> values,
      EvidenceCheck.Mode mode) {
    if (!set.evidenceRequired()) {
      return EvidenceCheck.NOT_CHECKED;
    }
    Map<String, int[]> accepted = new LinkedHashMap<>();
    Map<String, List<String>> rejected = new LinkedHashMap<>();
    jdbc.query("select indicator_code, file_name, review_verdict, review_reason from evidence where dossier_id = ?"
        + " and indicator_code is not null order by id", rs -> {
          String code = rs.getString(1);
          if ("KHONG_PHU_HOP".equals(rs.getString(3))) {
            rejected.computeIfAbsent(code, k -> new ArrayList<>()).add("tệp “" + rs.getString(2) + "”: "
                + rs.getString(4));
          } else {
            accepted.computeIfAbsent(code, k -> new int[1])[0]++;
          }
        }, dossier.getId());
    Map<String, KnownValues.Known> supplied = known.of(dossier, set);
    Map<String, EvidenceCheck.IndicatorEvidence> byCode = new LinkedHashMap<>();
    for (Indicator i : set.indicators()) {
      KnownValues.Known k = supplied.get(i.code());
      String record = k != null && k.evidenceRecord() != null && k.keptIn(values.get(i.code()))
          ? k.evidenceRecord() : null;
      int n = accepted.getOrDefault(i.code(), new int[1])[0];
      byCode.put(i.code(), new EvidenceCheck.IndicatorEvidence(n, rejected.getOrDefault(i.code(), List.of()),
          record));
    }
    return new EvidenceCheck(mode, byCode);
  }

  /** The values hoctap already holds for the dossier (KnownValues), by indicator code. */
  @Transactional(readOnly = true)
  public Map<String, KnownValues.Known> known(Dossier dossier) {
    return known.of(dossier, criteriaSet(dossier));
  }

  /**
   * A value hoctap supplied and the team changed needs the reason, written in the indicator's note (which must then
   * say more than the source hoctap put there).
   */
  @Transactional(readOnly = true)
  public List<InputError> knownValueProblems(Dossier dossier, Map<String, IndicatorInput> values) {
    List<InputError> out = new ArrayList<>();
    known(dossier).forEach((code, k) -> {
      IndicatorInput v = values.get(code);
      if (v == null || k.keptIn(v)) {
        return;
      }
      String note = v.note() == null ? "" : v.note().strip();
      if (note.isEmpty() || note.equals(k.source())) {
        out.add(new InputError(code, "note", "Số liệu khác với số liệu hoctap đã có (" + k.source() + "). Hãy ghi"
            + " lý do điều chỉnh vào ô «Minh chứng, ghi chú» của chỉ tiêu và tải minh chứng lên hồ sơ."));
      }
    });
    return out;
  }

  /*
   * The reads and writes below run in almost every step of every dossier; they use plain SQL, which costs a
   * fraction of the CPU of the equivalent JPA queries (the chain benchmark, docs/benchmarks.md). Timestamps are
   * written as UTC, as JPA writes them (hibernate.jdbc.time_zone), so both read them back alike.
   */

  private record LatestRevision(long id, int revisionNo, String valuesJson) {}

  private Optional<LatestRevision> latestRevision(Long dossierId, DossierRevision.Stage stage) {
    return jdbc.query("select id, revision_no, values_json from dossier_revision where dossier_id = ? and stage = ?"
        + " order by revision_no desc fetch first 1 rows only", (rs, i) -> new LatestRevision(rs.getLong(1),
            rs.getInt(2), rs.getString(3)), dossierId, stage.name()).stream().findFirst();
  }

  @Transactional(readOnly = true)
  public EvaluationResult latestEvaluation(Long dossierId) {
    return jdbc.query("select result_json from criteria_evaluation where dossier_id = ?"
        + " order by id desc fetch first 1 rows only", (rs, i) -> rs.getString(1), dossierId).stream().findFirst()
        .map(json -> read(json, EvaluationResult.class)).orElse(null);
  }

  @Transactional(readOnly = true)
  public Map<String, IndicatorInput> latestValues(Long dossierId, DossierRevision.Stage stage) {
    return latestRevision(dossierId, stage).map(r -> read(r.valuesJson(), VALUES)).orElse(Map.of());
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  @Transactional(readOnly = true)
  public List<DossierRevision> revisions(Long dossierId) {
    return revisions.findByDossierIdOrderByRevisionNo(dossierId);
  }

  @Transactional(readOnly = true)
  public List<CriteriaEvaluationRecord> evaluations(Long dossierId) {
    return evaluations.findByDossierIdOrderById(dossierId);
  }

  @Transactional(readOnly = true)
  public List<DossierEvent> history(Long dossierId) {
    return events.findByDossierIdOrderByIdAsc(dossierId);
  }

  /** The latest of the given events, e.g. to find the reasons of the latest return. */
  @Transactional(readOnly = true)
  public Optional<DossierEvent> latestEvent(Long dossierId, List<String> actions) {
    return events.findFirstByDossierIdAndActionInOrderByIdDesc(dossierId, actions);
  }

  @Transactional(readOnly = true)
  public Optional<DossierEvent> firstEvent(Long dossierId, List<String> actions) {
    return events.findFirstByDossierIdAndActionInOrderByIdAsc(dossierId, actions);
  }

  /** The reasons of the latest return, unless the unit has saved its values since. */
  @Transactional(readOnly = true)
  public String latestReturnReason(Long dossierId) {
    return jdbc.query("select action, step, comment from dossier_event where dossier_id = ?"
        + " and action in ('SENT_BACK', 'RETURNED_FOR_SUPPLEMENT', 'SELF_ASSESSMENT_SAVED')"
        + " order by id desc fetch first 1 rows only", (rs, i) -> rs.getString(1).equals("SELF_ASSESSMENT_SAVED")
            ? null : rs.getString(2) + ": " + rs.getString(3), dossierId).stream().filter(Objects::nonNull)
        .findFirst().orElse(null);
  }

  /**
   * Records what happened, holding the dossier's lock first: on PostgreSQL the event's foreign key would otherwise
   * take a share lock on the dossier row, and two people acting on the same dossier at once would deadlock when
   * either then locks it for update. Locked first, the second simply waits and is then told the first one won.
   */
  @Transactional
  public void record(Long dossierId, String actor, String action, String step, String comment, String details) {
    lock(dossierId);
    jdbc.update("insert into dossier_event (dossier_id, occurred_at, actor, action, step, comment, details)"
        + " values (?, ?, ?, ?, ?, ?, ?)", dossierId, utc(clock.now()), actor, action, step, blankToNull(comment),
        details);
  }

  public Map<String, IndicatorInput> read(DossierRevision rev) {
    return read(rev.getValuesJson(), VALUES);
  }

  public Map<String, Correction> corrections(DossierRevision rev) {
    return rev.getCorrectionsJson() == null ? Map.of() : read(rev.getCorrectionsJson(), CORRECTIONS);
  }

  public EvaluationResult result(CriteriaEvaluationRecord record) {
    return read(record.getResultJson(), EvaluationResult.class);
  }

  /** Every problem of the values against the dossier's criteria set, one line per indicator and field. */
  @Transactional(readOnly = true)
  public List<String> problems(Dossier dossier, Map<String, IndicatorInput> values) {
    List<String> details = new ArrayList<>();
    for (InputError e : inputErrors(dossier, values)) {
      details.add(e.code() + ": " + e.message());
    }
    return details;
  }

  /** Every problem of the values, each with its indicator and field, for forms that show it next to the field. */
  @Transactional(readOnly = true)
  public List<InputError> inputErrors(Dossier dossier, Map<String, IndicatorInput> values) {
    return validator.validate(criteriaSet(dossier), dossier.getUnit().profile(), values);
  }

  private void requireValid(Dossier dossier, Map<String, IndicatorInput> values) {
    List<String> details = problems(dossier, values);
    if (!details.isEmpty()) {
      throw DomainException.badInput("Số liệu chưa hợp lệ, chưa lưu gì. Hãy sửa các chỉ tiêu sau:", details);
    }
  }

  private int nextRevisionNo(Long dossierId) {
    return jdbc.queryForObject("select coalesce(max(revision_no), 0) + 1 from dossier_revision where dossier_id = ?",
        Integer.class, dossierId);
  }

  private static boolean sameValue(IndicatorInput a, IndicatorInput b) {
    if (a == null || b == null) {
      return a == b;
    }
    return Objects.equals(a.yes(), b.yes()) && Objects.equals(a.met(), b.met())
        && Objects.equals(a.total(), b.total()) && Objects.equals(a.choice(), b.choice())
        && Objects.equals(a.judgement(), b.judgement());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
