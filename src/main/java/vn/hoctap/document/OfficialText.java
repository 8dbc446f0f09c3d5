package vn.hoctap.document;

import java.util.List;

/**
 * The content of one document hoctap issues, part by part as Nghị định 30/2020/NĐ-CP (Phụ lục I) names them.
 * Every kind (decision, certificate, revocation, refusal, minutes) is this data; {@link Nd30Layout} is the one
 * layout that prints it.
 *
 * @param form           administrative text (A4 portrait) or certificate (A4 landscape, centred)
 * @param superiorBody   tên cơ quan chủ quản (printed regular, upper case), or null
 * @param issuingBody    tên cơ quan ban hành (bold, upper case, a short line under it)
 * @param number         số, ký hiệu as stored ("5/QĐ-UBND"; printed "Số: 05/QĐ-UBND"), or null
 * @param placeDate      "Thanh Trì, ngày 05 tháng 3 năm 2027"
 * @param kindName       tên loại ("QUYẾT ĐỊNH", "GIẤY CHỨNG NHẬN", "THÔNG BÁO")
 * @param subject        trích yếu ("Về việc …"), or null
 * @param authority      thẩm quyền ban hành ("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN THANH TRÌ"), or null
 * @param bases          căn cứ lines, each printed in italics ("Căn cứ …;"), the last ending with "."
 * @param enacting       "QUYẾT ĐỊNH:" before the articles, or null
 * @param articles       điều, or the paragraphs of a letter (head null)
 * @param lines          the centred lines of a certificate
 * @param recipients     nơi nhận
 * @param signer         the signature block
 * @param checkUrl       the absolute address the QR code opens
 * @param checkCode      the code printed under the QR code
 * @param pdfTitle       the PDF's title (document properties)
 */
public record OfficialText(Form form, String superiorBody, String issuingBody, String number, String placeDate,
    String kindName, String subject, String authority, List<String> bases, String enacting, List<Article> articles,
    List<Line> lines, List<String> recipients, SignerBlock signer, String checkUrl, String checkCode,
    String pdfTitle) {

  public enum Form { ADMINISTRATIVE, CERTIFICATE }

  /** "Điều 1." and its text; items are printed one a line under it ("1. …"). */
  public record Article(String head, String text, List<String> items) {
    public static Article of(String head, String text) {
      return new Article(head, text, List.of());
    }
  }

  /** A centred line of a certificate. */
  public record Line(String text, float size, boolean bold, boolean italic) {}

  /**
   * Quyền hạn, chức vụ of the signer ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), and the name printed under the
   * signature.
   */
  public record SignerBlock(List<String> titleLines, String name) {}

  public OfficialText {
    bases = bases == null ? List.of() : List.copyOf(bases);
    articles = articles == null ? List.of() : List.copyOf(articles);
    lines = lines == null ? List.of() : List.copyOf(lines);
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
  }
}
