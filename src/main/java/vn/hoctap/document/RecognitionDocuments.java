package vn.hoctap.document;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.Title;
import vn.hoctap.engine.EngineQueries;
import vn.hoctap.org.OrgKind;

/**
 * Quyết định công nhận and Giấy chứng nhận of a recognition as PDF in the administrative layout (Nghị định
 * 30/2020/NĐ-CP: issuing body and number on the left, the national motto on the right, place and date, title,
 * signer's title), with a QR code to the public check page of the certificate; and that check.
 */
@Service
public class RecognitionDocuments {

  public static final String MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  public static final String MOTTO_2 = "Độc lập - Tự do - Hạnh phúc";

  /** What the documents print, read in one query. */
  public record Recognised(long dossierId, String title, String titleLabel, int level, int assessmentYear,
      String unitName, String signerOrgName, String signerTitle, String signedBy, String decisionNo,
      LocalDate decisionDate, LocalDate validUntil, String certificateNo, String verificationCode,
      String issuingBody) {}

  /** The outcome of a public check. */
  public enum Verdict { VALID, EXPIRED, NOT_FOUND }

  public record Check(Verdict verdict, Recognised recognition) {}

  private static final String SELECT = "select r.dossier_id, r.title, r.level, r.assessment_year, u.name, s.name,"
      + " r.signer_title, r.signed_by, r.decision_no, r.decision_date, r.valid_until, c.certificate_no,"
      + " c.verification_code, s.kind, d.signer_role from recognition r join org_unit u on u.id = r.unit_id"
      + " join org_unit s on s.id = r.signer_org_id join certificate c on c.recognition_id = r.id"
      + " join dossier d on d.id = r.dossier_id";

  private final JdbcTemplate jdbc;
  private final VnFonts fonts;
  private final EngineClock clock;
  private final IdentityService identity;
  private final EngineQueries engine;

  RecognitionDocuments(JdbcTemplate jdbc, VnFonts fonts, EngineClock clock, IdentityService identity,
      EngineQueries engine) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.fonts = fonts;
    this.clock = clock;
    this.identity = identity;
  }

  @Transactional(readOnly = true)
  public Recognised forDossier(long dossierId) {
    return query(" where r.dossier_id = ?", dossierId).orElseThrow(() -> DomainException.notFound(
        "Hồ sơ số " + dossierId + " chưa có quyết định công nhận nên chưa có quyết định và giấy chứng nhận để in."));
  }

  /** The public check: genuine and valid today, genuine but expired, or unknown (forged or mistyped). */
  @Transactional(readOnly = true)
  public Check check(String code) {
    String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    if (!c.matches("[A-Z0-9]{8,40}")) {
      return new Check(Verdict.NOT_FOUND, null);
    }
    return query(" where c.verification_code = ?", c)
        .map(r -> new Check(r.validUntil().isBefore(clock.today()) ? Verdict.EXPIRED : Verdict.VALID, r))
        .orElse(new Check(Verdict.NOT_FOUND, null));
  }

  private Optional<Recognised> query(String where, Object arg) {
    List<Recognised> found = jdbc.query(SELECT + where, (rs, i) -> new Recognised(rs.getLong(1), rs.getString(2),
        titleLabel(rs.getString(2)), rs.getInt(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7),
        rs.getString(8), rs.getString(9), rs.getObject(10, Date.class).toLocalDate(),
        rs.getObject(11, Date.class).toLocalDate(), rs.getString(12), rs.getString(13),
        issuingBody(rs.getString(6), OrgKind.valueOf(rs.getString(14)), rs.getString(15))), arg);
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

  private static String legalBasis(String title) {
    return switch (title) {
      case "LEARNING_UNIT" -> "Thông tư số 24/2023/TT-BGDĐT ngày 29/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo"
          + " ban hành Quy định về đánh giá, công nhận \"Đơn vị học tập\" cấp huyện, tỉnh";
      case "LEARNING_COMMUNITY" -> "Thông tư số 25/2023/TT-BGDĐT ngày 29/12/2023 của Bộ trưởng Bộ Giáo dục và Đào"
          + " tạo ban hành Quy định về đánh giá, công nhận \"Cộng đồng học tập\" cấp xã, huyện, tỉnh";
      default -> "các văn bản quy định hiện hành";
    };
  }

  private String signerName(String userId) {
    // the signer's name is printed for anyone who may read the decision, whatever their own engine rights
    User u = engine.asSystem(() -> identity.createUserQuery().userId(userId).singleResult());
    return u == null ? userId : (u.getLastName() + " " + u.getFirstName()).trim();
  }

  public static String checkUrl(String baseUrl, String code) {
    return baseUrl + "/kiem-tra/" + code;
  }

  private static String dateLine(String place, LocalDate date) {
    return place + ", ngày " + String.format("%02d", date.getDayOfMonth()) + " tháng "
        + String.format("%02d", date.getMonthValue()) + " năm " + date.getYear();
  }

  /** The decision (Quyết định công nhận), A4 portrait. */
  public byte[] decisionPdf(Recognised r, String baseUrl) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 60, 50, 50, 50);
    PdfWriter writer = PdfWriter.getInstance(doc, out);
    doc.addTitle("Quyết định " + r.decisionNo());
    doc.open();
    doc.add(header(r.issuingBody(), "Số: " + r.decisionNo(), dateLine(r.signerOrgName(), r.decisionDate())));
    doc.add(centered("QUYẾT ĐỊNH", fonts.bold(14), 18, 2));
    doc.add(centered("Về việc công nhận danh hiệu \"" + r.titleLabel() + "\" năm " + r.assessmentYear(),
        fonts.bold(12), 0, 12));
    doc.add(centered(r.signerTitle().toUpperCase(new Locale("vi")), fonts.bold(12), 6, 10));
    doc.add(body("Căn cứ " + legalBasis(r.title()) + ";"));
    doc.add(body("Căn cứ kết quả thẩm định hồ sơ đề nghị công nhận của " + r.unitName() + ";"));
    doc.add(centered("QUYẾT ĐỊNH:", fonts.bold(12), 10, 8));
    doc.add(article("Điều 1. ", "Công nhận " + r.unitName() + " đạt danh hiệu \"" + r.titleLabel() + "\" mức độ "
        + r.level() + " năm " + r.assessmentYear() + "."));
    doc.add(article("Điều 2. ", "Danh hiệu có giá trị đến hết ngày " + Dates.vn(r.validUntil())
        + ". Giấy chứng nhận số " + r.certificateNo() + " kèm theo Quyết định này."));
    doc.add(article("Điều 3. ", "Quyết định có hiệu lực kể từ ngày ký. " + r.unitName()
        + " và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này."));
    doc.add(signature(writer, r, baseUrl));
    doc.close();
    return out.toByteArray();
  }

  /** The certificate (Giấy chứng nhận), A4 landscape. */
  public byte[] certificatePdf(Recognised r, String baseUrl) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4.rotate(), 60, 60, 40, 40);
    PdfWriter writer = PdfWriter.getInstance(doc, out);
    doc.addTitle("Giấy chứng nhận " + r.certificateNo());
    doc.open();
    doc.add(centered(MOTTO_1, fonts.bold(14), 0, 2));
    doc.add(centered(MOTTO_2, fonts.boldUnderlined(13), 0, 16));
    doc.add(centered(r.issuingBody().toUpperCase(new Locale("vi")), fonts.bold(15), 0, 10));
    doc.add(centered("GIẤY CHỨNG NHẬN", fonts.bold(26), 6, 12));
    doc.add(centered(r.unitName(), fonts.bold(18), 0, 8));
    doc.add(centered("Đạt danh hiệu \"" + r.titleLabel() + "\" mức độ " + r.level() + " năm " + r.assessmentYear(),
        fonts.regular(15), 0, 6));
    doc.add(centered("(Kèm theo Quyết định số " + r.decisionNo() + " ngày " + Dates.vn(r.decisionDate()) + ")",
        fonts.italic(12), 0, 4));
    doc.add(centered("Có giá trị đến hết ngày " + Dates.vn(r.validUntil()), fonts.regular(12), 0, 4));
    doc.add(centered("Số: " + r.certificateNo(), fonts.regular(12), 0, 4));
    doc.add(signature(writer, r, baseUrl));
    doc.close();
    return out.toByteArray();
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

  private PdfPTable header(String body, String number, String dateLine) {
    PdfPTable t = new PdfPTable(new float[] {4, 6});
    t.setWidthPercentage(100);
    PdfPCell left = cell();
    left.addElement(centered(body.toUpperCase(new Locale("vi")), fonts.bold(11), 0, 4));
    left.addElement(centered(number, fonts.regular(11), 0, 0));
    PdfPCell right = cell();
    right.addElement(centered(MOTTO_1, fonts.bold(11), 0, 2));
    right.addElement(centered(MOTTO_2, fonts.boldUnderlined(11), 0, 6));
    right.addElement(centered(dateLine, fonts.italic(11), 0, 0));
    t.addCell(left);
    t.addCell(right);
    return t;
  }

  /** The QR code to the check page on the left, the signer's title and name on the right. */
  private PdfPTable signature(PdfWriter writer, Recognised r, String baseUrl) {
    PdfPTable t = new PdfPTable(new float[] {5, 5});
    t.setWidthPercentage(100);
    t.setSpacingBefore(18);
    // the image as is (a cell's addElement would stretch it to the cell's width)
    Image code = QrCodes.image(writer.getDirectContent(), checkUrl(baseUrl, r.verificationCode()), 90);
    PdfPCell qr = new PdfPCell(code, false);
    qr.setBorder(Rectangle.NO_BORDER);
    PdfPTable left = new PdfPTable(1);
    left.addCell(qr);
    PdfPCell hint = cell();
    hint.addElement(new Paragraph("Quét mã để kiểm tra giấy chứng nhận: " + checkUrl(baseUrl,
        r.verificationCode()), fonts.italic(8)));
    left.addCell(hint);
    PdfPCell qrColumn = cell();
    qrColumn.addElement(left);
    PdfPCell sign = cell();
    sign.addElement(centered(r.signerTitle().toUpperCase(new Locale("vi")), fonts.bold(12), 0, 4));
    sign.addElement(centered("(Đã ký)", fonts.italic(11), 0, 36));
    sign.addElement(centered(signerName(r.signedBy()), fonts.bold(12), 0, 0));
    t.addCell(qrColumn);
    t.addCell(sign);
    return t;
  }

  private static PdfPCell cell() {
    PdfPCell c = new PdfPCell();
    c.setBorder(Rectangle.NO_BORDER);
    return c;
  }

  private static Paragraph centered(String text, Font font, float before, float after) {
    Paragraph p = new Paragraph(text, font);
    p.setAlignment(Element.ALIGN_CENTER);
    p.setSpacingBefore(before);
    p.setSpacingAfter(after);
    return p;
  }

  private Paragraph body(String text) {
    Paragraph p = new Paragraph(text, fonts.italic(12));
    p.setAlignment(Element.ALIGN_JUSTIFIED);
    p.setFirstLineIndent(24);
    p.setSpacingAfter(4);
    return p;
  }

  private Paragraph article(String head, String text) {
    Paragraph p = new Paragraph();
    p.add(new Chunk(head, fonts.bold(12)));
    p.add(new Phrase(text, fonts.regular(12)));
    p.setAlignment(Element.ALIGN_JUSTIFIED);
    p.setFirstLineIndent(24);
    p.setSpacingAfter(6);
    return p;
  }
}
