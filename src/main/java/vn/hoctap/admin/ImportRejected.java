package vn.hoctap.admin;

import java.util.List;
import vn.hoctap.common.DomainException;

/** A spreadsheet refused as a whole: every problem found, each with its sheet, row and column. Nothing was stored. */
public class ImportRejected extends DomainException {

  /**
   * One problem: the sheet, the row number as Excel shows it (the header is row 1; 0 for the file itself), the
   * column as "F (Mã đơn vị cấp trên)" (null when it concerns the whole row or file), and what to fix.
   */
  public record Problem(String sheet, int row, String column, String message) {
    @Override
    public String toString() {
      return (sheet == null ? "" : sheet + ", ") + (row > 0 ? "dòng " + row + ", " : "")
          + (column == null ? "" : "cột " + column + ": ") + message;
    }
  }

  private final List<Problem> problems;

  public ImportRejected(List<Problem> problems) {
    super(Kind.BAD_INPUT, "Bảng tính có " + problems.size() + " lỗi, chưa nhập gì. Sửa các lỗi dưới đây rồi tải lên"
        + " lại.", problems.stream().map(Problem::toString).toList());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
