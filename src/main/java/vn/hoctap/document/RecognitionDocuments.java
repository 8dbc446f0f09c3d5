package vn.hoctap.document;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierKindRules;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.dossier.Title;
import vn.hoctap.recognition.RecognitionService;
import vn.hoctap.web.PersonNames;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;

/**
 * Quyết định công nhận and Giấy chứng nhận of a recognition, in the layout of Nghị định 30/2020/NĐ-CP
 * ({@link Nd30Layout}), signed when the competent signer decides ({@link #issue}) and stored once
 * ({@link IssuedDocuments}); the public check of a certificate code; and the revocation of a recognition.
 */
@Service
public class RecognitionDocuments {

  public static final String MOTTO_1 = Nd30.NATIONAL_TITLE;
  public static final String MOTTO_2 = Nd30.MOTTO;
  public static final String SUBJECT = RecognitionService.REVOKED_SUBJECT;
  public static final String DECISION = "QUYET_DINH";
  public static final String CERTIFICATE = "GIAY_CHUNG_NHAN";
  public static final String REVOCATION = "QUYET_DINH_THU_HOI";

  /** What the documents print, read in one query. */
  public record Recognised(long recognitionId, long dossierId, String title, String titleLabel, int level,
      int assessmentYear, String unitName, String signerOrgName, String signerTitle, String signedBy,
      String decisionNo, LocalDate decisionDate, LocalDate validUntil, String certificateNo, String verificationCode,
      String issuingBody, long signerOrgId, String signerOrgCode, OrgKind signerOrgKind, String signerRole,
      long criteriaSetId, String receivingOrgName, OrgKind receivingOrgKind, String dossierKind) {

    public Issuer issuer() {
      return Issuer.of(signerOrgId, signerOrgCode, signerOrgName, signerOrgKind, signerRole);
    }
  }

  /**
   * The outcome of a public check; ISSUED: a document hoctap issued that is not a recognition's (a round's or an
   * award's decision).
   */
  public enum Verdict { VALID, EXPIRED, REVOKED, ISSUED, NOT_FOUND }

  /** A revocation as the check shows it. */
  public record Revoked(String reason, Instant at, String decisionNo, long documentId) {}

  public record Check(Verdict verdict, Recognised recognition, Revoked revoked) {}

  private static final String SELECT = "select r.dossier_id, r.title, r.level, r.assessment_year, u.name, s.name,"
      + " r.signer_title, r.signed_by, r.decision_no, r.decision_date, r.valid_until, c.certificate_no,"
      + " c.verification_code, s.kind, d.signer_role, r.id, s.id, s.code, d.criteria_set_id, v.name, v.kind,"
      + " d.kind"
      + " from recognition r join org_unit u on u.id = r.unit_id"
      + " join org_unit s on s.id = r.signer_org_id join certificate c on c.recognition_id = r.id"
      + " join dossier d on d.id = r.dossier_id join org_unit v on v.id = d.receiving_org_id";

  private final JdbcTemplate jdbc;
  private final EngineClock clock;
  private final PersonNames names;
  private final IssuedDocuments issued;
  private final LegalBases bases;
  private final PublicUrl publicUrl;
  private final RecognitionService numbers;
  private final DossierService dossiers;
  private final Nd30Layout layout;
  private final DossierKindRules kindRules;

  RecognitionDocuments(JdbcTemplate jdbc, EngineClock clock, PersonNames names, IssuedDocuments issued,
      LegalBases bases, PublicUrl publicUrl, RecognitionService numbers, DossierService dossiers, Nd30Layout layout,
      DossierKindRules kindRules) {
    this.layout = layout;
    this.kindRules = kindRules;
    this.numbers = numbers;
    this.dossiers = dossiers;
    this.jdbc = jdbc;
    this.clock = clock;
    this.names = names;
    this.issued = issued;
    this.bases = bases;
    this.publicUrl = publicUrl;
  }

  @Transactional(readOnly = true)
  public Recognised forDossier(long dossierId) {
    return query(" where r.dossier_id = ?", dossierId).orElseThrow(() -> DomainException.notFound(
        "Hồ sơ số " + dossierId + " chưa có quyết định công nhận nên chưa có quyết định và giấy chứng nhận để in."));
  }

  /**
   * Issues (lays out, signs, stores) the decision and the certificate of a dossier just recognised, in the
   * signer's transaction.
   */
  @Transactional
  public void issue(long dossierId) {
    Recognised r = forDossier(dossierId);
    Issuer who = r.issuer();
    String signerName = signerName(r.signedBy());
    String url = publicUrl.checkUrl(r.verificationCode());
    issued.issue(new IssuedDocuments.Issue(DECISION, SUBJECT, r.recognitionId(), r.verificationCode(),
        decisionText(r, who, signerName, url), r.signedBy(), signerName, r.signerTitle(), r.signerOrgId(),
        r.signerOrgCode(), who.sealName(), who.place(), r.decisionNo()));
    issued.issue(new IssuedDocuments.Issue(CERTIFICATE, SUBJECT, r.recognitionId(), r.verificationCode(),
        certificateText(r, who, signerName, url), r.signedBy(), signerName, r.signerTitle(), r.signerOrgId(),
        r.signerOrgCode(), who.sealName(), who.place(), r.decisionNo()));
  }

  /**
   * The dự thảo Quyết định công nhận that goes with the Báo cáo thẩm định to the competent signer (TT24 Điều 10 K2 đ,
   * Điều 16 K2 đ; TT25 Điều 9 K2 đ): the decision as it would read if signed today, its number and the certificate's
   * left blank, not signed. Only while the dossier waits for the decision; then the signed decision replaces it.
   */
  @Transactional(readOnly = true)
  public byte[] draftDecision(long dossierId) {
    Dossier d = dossiers.get(dossierId);
    if (d.getStatus() != DossierStatus.IN_APPRAISAL && d.getStatus() != DossierStatus.AWAITING_DECISION
        || numbers.forDossier(dossierId).isPresent()) {
      throw DomainException.notFound("Hồ sơ số " + dossierId + " không còn chờ quyết định nên không có dự thảo"
          + " quyết định; xem quyết định đã ký (nếu có) trên trang hồ sơ.");
    }
    OrgUnit signer = d.getSignerOrg();
    LocalDate today = clock.today();
    Recognised r = new Recognised(0, dossierId, d.getTitle().name(), d.getTitle().label(), d.getLevel(),
        d.getAssessmentYear(), d.getUnit().getName(), signer.getName(), d.getSignerTitle(), null,
        "/" + d.getDecisionCode(), today, kindRules.retainedUntil(d.getTitle(), d.getAssessmentYear(), today), "…",
        null, issuingBody(signer.getName(), signer.getKind(), d.getSignerRole()), signer.getId(), signer.getCode(),
        signer.getKind(), d.getSignerRole(), d.getCriteriaSetId(), d.getReceivingOrg().getName(),
        d.getReceivingOrg().getKind(), d.getKind().name());
    return layout.draft(decisionText(r, r.issuer(), "", null), clock.now());
  }

  /** The stored, signed document of a recognised dossier. */
  @Transactional(readOnly = true)
  public byte[] signedPdf(long dossierId, String kind) {
    Recognised r = forDossier(dossierId);
    IssuedDocuments.Stored s = issued.find(r.verificationCode(), kind).orElseThrow(() -> DomainException.notFound(
        "Quyết định công nhận của hồ sơ số " + dossierId + " được ghi nhận trước khi hoctap ký số văn bản, nên"
            + " không có bản điện tử có chữ ký số. Liên hệ cơ quan đã ban hành để nhận bản giấy."));
    return issued.signedPdf(s);
  }

  /** The public check: genuine and valid today, revoked, expired, or unknown (forged or mistyped). */
  @Transactional(readOnly = true)
  public Check check(String code) {
    String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    if (!c.matches("[A-Z0-9]{8,40}")) {
      return new Check(Verdict.NOT_FOUND, null, null);
    }
    return query(" where c.verification_code = ?", c).map(r -> {
      Revoked revoked = revocation(r.recognitionId()).orElse(null);
      Verdict v = revoked != null ? Verdict.REVOKED
          : r.validUntil().isBefore(clock.today()) ? Verdict.EXPIRED : Verdict.VALID;
      return new Check(v, r, revoked);
    }).orElse(new Check(Verdict.NOT_FOUND, null, null));
  }

  /**
   * Thu hồi: an administrator revokes a recognition with a reason. A revoking decision is numbered in the original
   * signer's register, issued and signed like the decision it revokes (same body, same signer's key), and recorded;
   * the public check says "đã bị thu hồi" from then on.
   */
  @Transactional
  public IssuedDocuments.Stored revoke(String code, String reason, String actor) {
    String why = DecisionRevocations.reason(reason);
    Check c = check(code);
    if (c.verdict() == Verdict.NOT_FOUND) {
      throw DomainException.notFound("Không tìm thấy giấy chứng nhận có mã \"" + code + "\".");
    }
    Recognised r = c.recognition();
    jdbc.queryForList("select id from recognition where id = ? for update", r.recognitionId());
    if (revocation(r.recognitionId()).isPresent()) {
      Revoked done = revocation(r.recognitionId()).get();
      throw DomainException.conflict("Quyết định công nhận này đã bị thu hồi theo Quyết định số "
          + Nd30.number(done.decisionNo()) + " (lý do: " + done.reason() + ").");
    }
    LocalDate today = clock.today();
    String decisionCode = jdbc.queryForObject("select decision_code from dossier where id = ?", String.class,
        r.dossierId());
    String number = numbers.nextDecisionNumber(r.signerOrgId(), today.getYear()) + "/" + decisionCode;
    Issuer who = r.issuer();
    String signerName = signerName(r.signedBy());
    IssuedDocuments.Stored doc = issued.get(issued.issue(new IssuedDocuments.Issue(REVOCATION, SUBJECT,
        r.recognitionId(), r.verificationCode(), revocationText(r, who, signerName, number, today, why),
        r.signedBy(), signerName, r.signerTitle(), r.signerOrgId(), r.signerOrgCode(), who.sealName(), who.place(),
        number)));
    issued.recordRevocation(SUBJECT, r.recognitionId(), why, actor, doc.id());
    dossiers.record(r.dossierId(), actor, "RECOGNITION_REVOKED", "Thu hồi quyết định công nhận", why,
        "Quyết định thu hồi số " + Nd30.number(number) + " ngày " + Dates.vn(today) + " thu hồi Quyết định số "
            + Nd30.number(r.decisionNo()) + " và Giấy chứng nhận số " + r.certificateNo());
    return doc;
  }

  public static final String REFUSAL = "THONG_BAO_KHONG_CONG_NHAN";
  public static final String REFUSAL_SUBJECT = "DOSSIER_REFUSAL";
  /** The letter of the head of the receiving body after the council's "không đạt" (văn bản trả lời). */
  public static final String HEAD_LETTER = "VAN_BAN_TRA_LOI";

  /**
   * Thông báo không công nhận, when the competent signer refuses a dossier: numbered in the signer's register
   * ("05/TB-UBND"), with the reasons, signed and stored like a decision. A dossier refused at appraisal is told by
   * the dossier's own history and notification (the appraiser is not the body's competent signer).
   */
  @Transactional
  public void issueRefusal(long dossierId, String signedBy, String reasons) {
    issueRefusal(dossierId, signedBy, reasons, false);
  }

  /**
   * The refusal notice; {@code byReceivingHead}: the letter of the head of the receiving body after the Hội đồng
   * đánh giá concluded "không đạt" (TT24 Điều 10 K2 d, Điều 16 K2 d; TT25 Điều 9 K2 d): issued by the Phòng or Sở
   * GDĐT in its head's name (or the Ministry), numbered in that body's register.
   */
  @Transactional
  public void issueRefusal(long dossierId, String signedBy, String reasons, boolean byReceivingHead) {
    if (!issued.ofSubject(REFUSAL_SUBJECT, dossierId).isEmpty()) {
      return;
    }
    Map<String, Object> d = jdbc.queryForMap("select d.title, d.level, d.assessment_year, d.decision_code,"
        + " d.signer_role, d.signer_title, d.criteria_set_id, u.name as unit, s.id as org_id, s.code, s.name as org,"
        + " s.kind from dossier d join org_unit u on u.id = d.unit_id join org_unit s on s.id = "
        + (byReceivingHead ? "d.receiving_org_id" : "d.signer_org_id") + " where d.id = ?", dossierId);
    long orgId = ((Number) d.get("org_id")).longValue();
    OrgKind kind = OrgKind.valueOf((String) d.get("kind"));
    String role = !byReceivingHead ? (String) d.get("signer_role") : kind == OrgKind.NATION ? "signer" : "director";
    Issuer who = Issuer.of(orgId, (String) d.get("code"), (String) d.get("org"), kind, role);
    LocalDate today = clock.today();
    String decisionCode = (String) d.get("decision_code");
    // the head's letter is numbered in the receiving body's own register of letters, not in a decision register
    String number = (byReceivingHead ? issued.nextNumber(orgId, HEAD_LETTER, today.getYear())
        : numbers.nextDecisionNumber(orgId, today.getYear())) + "/" + (byReceivingHead
        ? (kind == OrgKind.NATION ? "BGDĐT-GDTX" : kind == OrgKind.PROVINCE ? "SGDĐT" : "PGDĐT")
        : decisionCode.startsWith("QĐ-") ? "TB-" + decisionCode.substring(3) : "TB");
    String signerTitle = byReceivingHead ? who.block().get(who.block().size() - 1) + " " + who.body()
        : (String) d.get("signer_title");
    List<String> bases = new java.util.ArrayList<>();
    String citation = LegalBases.citation(this.bases.criteriaSource(((Number) d.get("criteria_set_id")).longValue()));
    if (citation != null) {
      bases.add("Căn cứ " + citation + ";");
    }
    bases.add(byReceivingHead ? "Căn cứ kết quả thẩm định của Hội đồng đánh giá;" : "Căn cứ kết quả thẩm định hồ sơ;");
    String label = "“" + titleLabel((String) d.get("title")) + "”";
    String unit = (String) d.get("unit");
    String signerName = signerName(signedBy);
    String code = CheckCodes.next();
    // a notice is the committee's own document: its chairman signs on its behalf ("TM.", NĐ 30 Phụ lục I)
    List<String> block = who.block().equals(List.of("Chủ tịch")) ? List.of("TM. Ủy ban nhân dân", "Chủ tịch")
        : who.block();
    List<String> items = new java.util.ArrayList<>();
    for (String line : reasons == null ? new String[0] : reasons.split("\n")) {
      if (!line.isBlank()) {
        items.add("- " + line.strip());
      }
    }
    OfficialText text = new OfficialText(OfficialText.Form.ADMINISTRATIVE, who.superior(), who.body(), number,
        Nd30.placeAndDate(who.place(), today), "THÔNG BÁO", "Về việc không công nhận danh hiệu " + label + " năm "
        + d.get("assessment_year"), null, bases, null,
        List.of(new OfficialText.Article(null, "Xét hồ sơ đề nghị công nhận danh hiệu " + label + " mức độ "
                + d.get("level") + " năm " + d.get("assessment_year") + " của " + unit + ", " + who.body()
                + " thông báo: " + unit + " chưa được công nhận danh hiệu " + label + " năm "
                + d.get("assessment_year") + ", vì các lý do sau:", items),
            new OfficialText.Article(null, unit + " có thể hoàn thiện các nội dung trên và đề nghị công nhận trong"
                + " kỳ đánh giá sau.", List.of())),
        List.of(), List.of("- " + unit + ";", "- Lưu: VT."), new OfficialText.SignerBlock(block, signerName),
        publicUrl.checkUrl(code), code, "Thông báo " + Nd30.number(number) + " không công nhận " + titleLabel(
        (String) d.get("title")));
    issued.issue(new IssuedDocuments.Issue(byReceivingHead ? HEAD_LETTER : REFUSAL, REFUSAL_SUBJECT, dossierId, code,
        text, signedBy, signerName,
        signerTitle, orgId, (String) d.get("code"), who.sealName(), who.place(), number));
  }

  /**
   * The signed documents of a dossier its page links to: the decision and certificate of its recognition, the
   * refusal notice, the revoking decision and its reason; issuing: the decision or the certificate is still being
   * laid out and signed right after the decision ("đang ký số, ban hành").
   */
  public record Papers(boolean decision, boolean certificate, boolean refusal, Revoked revoked, boolean issuing) {}

  @Transactional(readOnly = true)
  public Papers papers(long dossierId) {
    boolean refusal = issued.ofSubject(REFUSAL_SUBJECT, dossierId).stream().anyMatch(IssuedDocuments.Stored::signed);
    Optional<Recognised> r = query(" where r.dossier_id = ?", dossierId);
    if (r.isEmpty()) {
      return new Papers(false, false, refusal, null, false);
    }
    List<IssuedDocuments.Stored> docs = issued.ofSubject(SUBJECT, r.get().recognitionId());
    return new Papers(docs.stream().anyMatch(d -> d.kind().equals(DECISION) && d.signed()),
        docs.stream().anyMatch(d -> d.kind().equals(CERTIFICATE) && d.signed()), refusal,
        revocation(r.get().recognitionId()).orElse(null), docs.stream().anyMatch(d -> (d.kind().equals(DECISION)
        || d.kind().equals(CERTIFICATE)) && d.issuing()));
  }

  /** The signed refusal notice of a dossier, if its signer refused it. */
  @Transactional(readOnly = true)
  public byte[] refusalPdf(long dossierId) {
    IssuedDocuments.Stored s = issued.ofSubject(REFUSAL_SUBJECT, dossierId).stream().findFirst().orElseThrow(() ->
        DomainException.notFound("Hồ sơ số " + dossierId + " không có thông báo không công nhận do người có thẩm"
            + " quyền ký."));
    return issued.signedPdf(s);
  }

  /** Quyết định thu hồi. */
  OfficialText revocationText(Recognised r, Issuer who, String signerName, String number, LocalDate date,
      String reason) {
    String label = "“" + r.titleLabel() + "”";
    return DecisionRevocations.text(who, signerName, number, date, "Quyết định công nhận danh hiệu " + label
        + " của " + r.unitName(), "Quyết định số " + Nd30.number(r.decisionNo()) + " " + Nd30.date(r.decisionDate())
        + " về việc công nhận " + r.unitName() + " đạt danh hiệu " + label + " mức độ " + r.level() + " năm "
        + r.assessmentYear(), " và Giấy chứng nhận số " + r.certificateNo(), reason, r.unitName(),
        publicUrl.checkUrl(r.verificationCode()), r.verificationCode(), r.decisionNo(), number);
  }

  public Optional<Revoked> revocation(long recognitionId) {
    return issued.revocation(SUBJECT, recognitionId);
  }

  private Optional<Recognised> query(String where, Object arg) {
    List<Recognised> found = jdbc.query(SELECT + where, (rs, i) -> new Recognised(rs.getLong(16), rs.getLong(1),
        rs.getString(2), titleLabel(rs.getString(2)), rs.getInt(3), rs.getInt(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, Date.class).toLocalDate(),
        rs.getObject(11, Date.class).toLocalDate(), rs.getString(12), rs.getString(13),
        issuingBody(rs.getString(6), OrgKind.valueOf(rs.getString(14)), rs.getString(15)), rs.getLong(17),
        rs.getString(18), OrgKind.valueOf(rs.getString(14)), rs.getString(15), rs.getLong(19), rs.getString(20),
        OrgKind.valueOf(rs.getString(21)), rs.getString(22)), arg);
    return found.stream().findFirst();
  }

  /** The Vietnamese name of a title stored as text (titles other features add may not be in Title yet). */
  public static String titleLabel(String title) {
    try {
      return Title.valueOf(title).label();
    } catch (IllegalArgumentException other) {
      return title;
    }
  }

  private String signerName(String userId) {
    return names.of(userId);
  }

  public static String checkUrl(String baseUrl, String code) {
    return baseUrl + "/kiem-tra/" + code;
  }

  /** Who proposes the decision to a chairman: the education office that appraised the dossier. */
  private static String proposer(Recognised r) {
    if (!"signer".equals(r.signerRole()) || r.signerOrgKind() == OrgKind.NATION) {
      return null;
    }
    return switch (r.receivingOrgKind()) {
      case PROVINCE -> "Giám đốc Sở Giáo dục và Đào tạo";
      case DISTRICT -> "Trưởng phòng Giáo dục và Đào tạo";
      default -> null;
    };
  }

  /** What the decision does, by the dossier's kind (TT24 Điều 10 khoản 4: công nhận lại, công nhận nâng mức độ). */
  private static String subject(String dossierKind) {
    return "RENEWAL".equals(dossierKind) ? "công nhận lại" : "UPGRADE".equals(dossierKind) ? "công nhận nâng mức độ"
        : "công nhận";
  }

  /** Quyết định công nhận. */
  OfficialText decisionText(Recognised r, Issuer who, String signerName, String url) {
    String label = "“" + r.titleLabel() + "”";
    String executors = (who.superior() == null && r.signerOrgKind() != OrgKind.NATION
        ? "Chánh Văn phòng " + who.body() + ", " : "") + (proposer(r) == null ? "" : proposer(r) + ", ")
        + r.unitName();
    return new OfficialText(OfficialText.Form.ADMINISTRATIVE, who.superior(), who.body(), r.decisionNo(),
        Nd30.placeAndDate(who.place(), r.decisionDate()), "QUYẾT ĐỊNH",
        "Về việc " + subject(r.dossierKind()) + " danh hiệu " + label + " năm " + r.assessmentYear(),
        who.authority(),
        bases.recognition(r.criteriaSetId(), r.unitName(), proposer(r)), "QUYẾT ĐỊNH:",
        List.of(OfficialText.Article.of("Điều 1.", "Công nhận " + r.unitName() + " đạt danh hiệu " + label
                + " mức độ " + r.level() + " năm " + r.assessmentYear() + "."),
            OfficialText.Article.of("Điều 2.", "Danh hiệu có giá trị đến hết ngày " + Dates.vn(r.validUntil())
                + ". Giấy chứng nhận số " + r.certificateNo() + " kèm theo Quyết định này."),
            OfficialText.Article.of("Điều 3.", "Quyết định có hiệu lực kể từ ngày ký. " + executors
                + " và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.")),
        List.of(), List.of("- Như Điều 3;", "- Lưu: VT."),
        new OfficialText.SignerBlock(who.block(), signerName), url, r.verificationCode(),
        "Quyết định " + Nd30.number(r.decisionNo()) + " công nhận " + r.titleLabel());
  }

  /** Giấy chứng nhận, A4 landscape. */
  OfficialText certificateText(Recognised r, Issuer who, String signerName, String url) {
    return new OfficialText(OfficialText.Form.CERTIFICATE, who.superior(), who.body(), null,
        Nd30.placeAndDate(who.place(), r.decisionDate()), "GIẤY CHỨNG NHẬN", null, null, List.of(), null,
        List.of(),
        List.of(new OfficialText.Line(r.unitName(), 20, true, false),
            new OfficialText.Line("Đạt danh hiệu “" + r.titleLabel() + "” mức độ " + r.level() + " năm "
                + r.assessmentYear(), 16, false, false),
            new OfficialText.Line("(Kèm theo Quyết định số " + Nd30.number(r.decisionNo()) + " "
                + Nd30.date(r.decisionDate()) + ")", 13, false, true),
            new OfficialText.Line("Có giá trị đến hết ngày " + Dates.vn(r.validUntil()), 13, false, false),
            new OfficialText.Line("Số: " + r.certificateNo(), 12, false, false)),
        List.of(), new OfficialText.SignerBlock(who.block(), signerName), url, r.verificationCode(),
        "Giấy chứng nhận " + r.certificateNo());
  }

  /**
   * The issuing body as the header of an official document names it: the People's Committee ("ỦY BAN NHÂN DÂN
   * HUYỆN THANH TRÌ") for its chairman's decisions, with the education office under it ("PHÒNG / SỞ GIÁO DỤC VÀ
   * ĐÀO TẠO") where its head decides; the Ministry by its own name.
   */
  static String issuingBody(String orgName, OrgKind kind, String signerRole) {
    if (kind == OrgKind.NATION) {
      return orgName;
    }
    String committee = "Ủy ban nhân dân " + orgName;
    if (!"director".equals(signerRole)) {
      return committee;
    }
    return committee + "\n" + (kind == OrgKind.PROVINCE ? "Sở" : "Phòng") + " Giáo dục và Đào tạo";
  }
}
