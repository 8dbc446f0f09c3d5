package vn.hoctap.citizen;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoctap.citizen.EntryRules.FieldError;
import vn.hoctap.citizen.EntryRules.Parsed;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.common.xlsx.XlsxFile;
import vn.hoctap.common.xlsx.XlsxLimits;

/**
 * Spreadsheets of a round: the template per population (one row per person or household, one column per
 * indicator, Vietnamese headers), the import of a filled file, and the list of everyone recognised.
 * <p>
 * An import reads the file once as a stream: every row is validated and scored, and while no error has been
 * found the rows are written in batches of 1,000 (COPY on PostgreSQL, JDBC batch inserts elsewhere), all in one
 * transaction. Any error rolls the whole import back, so nothing is stored, and the user gets every error with
 * its row and column, also as an annotated copy of the file. The same file (by SHA-256 of its content) is
 * imported once per round; a person appears once per round.
 */
@Service
public class RoundImport {

  static final String INSERT_ENTRY = "insert into round_entry (round_id, subject, identity_no, full_name, birth_year,"
      + " criteria_id, scores, total, passed, explanation, judgement, recognised, updated_by, updated_at)"
      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?)";
  /** Errors kept in memory (and reported) per import; the count of the rest is still given. */
  static final int MAX_ERRORS_KEPT = 10_000;
  /** Errors listed in the API answer; the annotated file marks every kept one. */
  static final int MAX_ERRORS_LISTED = 200;
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");
  static final String BUSY = "Đợt đánh giá này đang được nhập từ một tệp khác; hãy đợi xong rồi thử lại.";

  /** What an import did. */
  public record ImportResult(long roundId, Subject subject, String fileName, String sha256, boolean alreadyImported,
      int rows, long passed, long failed) {}

  /** One problem of the file, at its row and column (column null for a whole-row problem). */
  public record CellError(int row, Integer column, String header, String message) {
    /** The column as Excel names it ("I"), or null for a whole-row problem. */
    public String columnName() {
      return column == null ? null : XlsxFile.columnName(column);
    }

    String describe() {
      return "Dòng " + row + (column == null ? "" : ", cột " + XlsxFile.columnName(column) + " (" + header + ")")
          + ": " + message;
    }
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final RoundService rounds;
  private final RoundCriteria criteria;
  private final EngineClock clock;
  private final int maxRows;
  private final int batchSize;
  private final Path annotatedDir;
  private final XlsxLimits.Caps caps;

  RoundImport(JdbcTemplate jdbc, PlatformTransactionManager txManager, RoundService rounds, RoundCriteria criteria,
      EngineClock clock, XlsxLimits limits, @Value("${hoctap.rounds.max-rows:1000000}") int maxRows,
      @Value("${hoctap.rounds.batch-size:1000}") int batchSize,
      @Value("${hoctap.data-dir:./data}") String dataDir) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(txManager);
    this.rounds = rounds;
    this.criteria = criteria;
    this.clock = clock;
    this.maxRows = maxRows;
    this.batchSize = batchSize;
    this.annotatedDir = Path.of(dataDir, "round-imports");
    this.caps = limits.round();
  }

  private volatile EntryWriter writer;

  private EntryWriter writer() {
    if (writer == null) {
      writer = new EntryWriter(jdbc);
    }
    return writer;
  }

  // ---------------------------------------------------------------- template

  /** The empty template of a subject's current criteria sheet, with a guide sheet. */
  public void template(Subject subject, OutputStream out) throws IOException {
    ScoreSheet sheet = criteria.current(subject).sheet();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet list = wb.createSheet("Danh sách");
      CellStyle header = headerStyle(wb);
      CellStyle text = wb.createCellStyle();
      text.setDataFormat(wb.createDataFormat().getFormat("@"));
      List<String> headers = headers(sheet);
      Row h = list.createRow(0);
      for (int c = 0; c < headers.size(); c++) {
        h.createCell(c).setCellValue(headers.get(c));
        h.getCell(c).setCellStyle(header);
        list.setColumnWidth(c, c == 2 ? 30 * 256 : 18 * 256);
      }
      list.setDefaultColumnStyle(1, text);
      list.createFreezePane(3, 1);
      DataValidationHelper dv = list.getDataValidationHelper();
      int first = firstScoreColumn(subject);
      for (int i = 0; i < sheet.indicators().size(); i++) {
        ScoreSheet.Item item = sheet.indicators().get(i);
        DataValidationConstraint range = dv.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN,
            "0", item.max().toPlainString());
        DataValidation v = dv.createValidation(range, new CellRangeAddressList(1, maxRows, first + i, first + i));
        v.createErrorBox("Điểm không hợp lệ", "Điểm " + item.code() + " từ 0 đến " + ScoreSheet.plain(item.max()));
        v.setShowErrorBox(true);
        list.addValidationData(v);
      }
      if (sheet.needsJudgement()) {
        int jc = first + sheet.indicators().size();
        DataValidation v = dv.createValidation(dv.createExplicitListConstraint(new String[] {"Đạt", "Không đạt"}),
            new CellRangeAddressList(1, maxRows, jc, jc));
        v.setShowErrorBox(true);
        list.addValidationData(v);
      }
      Sheet guide = wb.createSheet("Hướng dẫn");
      int r = 0;
      guide.createRow(r++).createCell(0).setCellValue("Bộ tiêu chí " + sheet.name() + ", phiên bản "
          + sheet.version());
      guide.createRow(r++).createCell(0).setCellValue("Nguồn: " + sheet.source());
      guide.createRow(r++).createCell(0).setCellValue("Quy tắc đạt: " + passRule(sheet));
      guide.createRow(r++).createCell(0).setCellValue("Mỗi dòng một " + (subject.personId() ? "người / hộ" : "thôn")
          + "; " + subject.identityHeader() + " nhập dạng văn bản (giữ số 0 đầu); điểm dùng dấu phẩy hoặc chấm thập"
          + " phân. Không thêm, bớt hay đổi tên cột.");
      r++;
      Row gh = guide.createRow(r++);
      String[] cols = {"Mã chỉ tiêu", "Nhóm năng lực / tiêu chí", "Nội dung", "Điểm tối đa", "Tình trạng"};
      for (int c = 0; c < cols.length; c++) {
        gh.createCell(c).setCellValue(cols[c]);
        gh.getCell(c).setCellStyle(header);
      }
      for (ScoreSheet.Item item : sheet.indicators()) {
        Row row = guide.createRow(r++);
        row.createCell(0).setCellValue(item.code());
        row.createCell(1).setCellValue(item.group());
        row.createCell(2).setCellValue(item.text());
        row.createCell(3).setCellValue(item.max().doubleValue());
        row.createCell(4).setCellValue(item.confirmed() ? "Đã xác nhận" : ScoreSheet.PENDING);
      }
      guide.setColumnWidth(1, 40 * 256);
      guide.setColumnWidth(2, 80 * 256);
      wb.write(out);
    }
  }

  static String passRule(ScoreSheet s) {
    ScoreSheet.PassRule p = s.passRule();
    return p.confirmed() ? "đạt khi tổng điểm từ " + ScoreSheet.plain(p.minTotal()) + " trở lên và không chỉ tiêu nào"
        + " dưới " + ScoreSheet.plain(p.minPerIndicator()) + " điểm (" + p.source() + ")"
        : "ngưỡng đạt " + ScoreSheet.PENDING + ": mỗi dòng cần nhận định Đạt / Không đạt của người đánh giá ("
            + p.source() + ")";
  }

  /** The headers of the template of a sheet, in column order. */
  public static List<String> headers(ScoreSheet sheet) {
    Subject s = sheet.subject();
    List<String> h = new ArrayList<>(List.of("STT", s.identityHeader(), s.nameHeader()));
    if (s.personId() && s.kind() == RoundKind.CITIZEN) {
      h.add("Năm sinh");
    }
    for (ScoreSheet.Item i : sheet.indicators()) {
      h.add(i.code() + " (0–" + ScoreSheet.plain(i.max()) + " điểm)");
    }
    if (sheet.needsJudgement()) {
      h.add("Nhận định (Đạt / Không đạt)");
    }
    return h;
  }

  private static int firstScoreColumn(Subject s) {
    return s.personId() && s.kind() == RoundKind.CITIZEN ? 4 : 3;
  }

  private static CellStyle headerStyle(Workbook wb) {
    CellStyle header = wb.createCellStyle();
    Font bold = wb.createFont();
    bold.setBold(true);
    header.setFont(bold);
    header.setWrapText(true);
    return header;
  }

  // ---------------------------------------------------------------- import

  /** Thrown inside the import transaction to roll it back with the errors found. */
  private static final class Invalid extends RuntimeException {
    final List<CellError> errors;
    final long total;

    Invalid(List<CellError> errors, long total) {
      super(null, null, false, false);
      this.errors = errors;
      this.total = total;
    }
  }

  /**
   * Validates, scores and stores every row of the file as entries of the round, or stores nothing and refuses
   * with every error (row and column) and a link to the annotated copy of the file.
   */
  public ImportResult importFile(long roundId, Subject subject, Path file, String fileName, String actor) {
    String sha = sha256(file);
    ensureImportLockRow(roundId);
    try {
      return tx.execute(status -> importInTransaction(roundId, subject, file, fileName, sha, actor));
    } catch (Invalid invalid) {
      String link = annotate(roundId, subject, file, sha, invalid.errors);
      List<String> details = new ArrayList<>();
      invalid.errors.stream().limit(MAX_ERRORS_LISTED).forEach(e -> details.add(e.describe()));
      if (invalid.total > details.size()) {
        details.add("… và " + (invalid.total - details.size()) + " lỗi khác (xem tệp đánh dấu lỗi).");
      }
      details.add("Tệp đánh dấu lỗi để sửa và tải lên lại: " + link);
      throw new Rejected("Tệp \"" + fileName + "\" có " + invalid.total + " lỗi, chưa lưu dòng nào."
          + " Hãy sửa rồi tải lên lại cả tệp.", details, invalid.errors, invalid.total, sha);
    }
  }

  /**
   * A file refused for the errors of its rows: every error with its row and column (the first
   * {@value #MAX_ERRORS_KEPT}), their total and the SHA-256 of the file, by which its annotated copy is found. The
   * message and details are those of the API answer.
   */
  public static final class Rejected extends DomainException {
    private final List<CellError> errors;
    private final long total;
    private final String sha256;

    Rejected(String message, List<String> details, List<CellError> errors, long total, String sha256) {
      super(Kind.BAD_INPUT, message, details);
      this.errors = List.copyOf(errors);
      this.total = total;
      this.sha256 = sha256;
    }

    public List<CellError> errors() {
      return errors;
    }

    public long total() {
      return total;
    }

    public String sha256() {
      return sha256;
    }
  }

  private ImportResult importInTransaction(long roundId, Subject subject, Path file, String fileName, String sha,
      String actor) {
    claimImport(roundId);
    Round round = rounds.lock(roundId);
    List<Map<String, Object>> done = jdbc.queryForList("select row_count, imported_at from round_import"
        + " where round_id = ? and sha256 = ?", roundId, sha);
    if (!done.isEmpty()) {
      return new ImportResult(roundId, subject, fileName, sha, true, ((Number) done.get(0).get("row_count")).intValue(),
          0, 0);
    }
    if (round.status() != RoundStatus.PREPARING) {
      throw DomainException.rule("Đợt đánh giá đang ở bước \"" + round.status().label() + "\": chỉ nhập danh sách"
          + " khi đang lập danh sách (các mục bị trả lại sửa bằng biểu mẫu từng mục).");
    }
    rounds.route(round).requireSubject(subject);
    RoundCriteria.Stored sheet = criteria.current(subject);
    IdentityIndex seen = new IdentityIndex();
    jdbc.query("select identity_no from round_entry where round_id = ?",
        rs -> {
          seen.putIfAbsent(rs.getString(1), 0);
        }, roundId);
    Run run = new Run(round, subject, sheet, seen, actor);
    read(file, run);
    run.finish();
    if (run.errorCount > 0) {
      throw new Invalid(run.errors, run.errorCount);
    }
    jdbc.update("insert into round_import (round_id, subject, sha256, file_name, row_count, imported_by, imported_at)"
        + " values (?, ?, ?, ?, ?, ?, ?)", roundId, subject.name(), sha, RoundService.truncate(fileName, 255),
        run.rows, actor, Timestamp.from(clock.now()));
    rounds.record(roundId, actor, "IMPORTED", "Nhập danh sách từ tệp", null, fileName + ": " + run.rows + " "
        + subject.label().toLowerCase(Locale.ROOT) + ", " + run.passed + " đạt, " + (run.rows - run.passed)
        + " không đạt (bộ tiêu chí " + sheet.sheet().name() + ", phiên bản " + sheet.sheet().version() + ")");
    return new ImportResult(roundId, subject, fileName, sha, false, run.rows, run.passed, run.rows - run.passed);
  }

  /** The first sheet of the file, row by row, within this import's caps and row limit. */
  private void read(Path file, XlsxFile.RowHandler handler) {
    try (XlsxFile x = XlsxFile.open(file, caps)) {
      x.readSheet(0, (rowNumber, cells) -> {
        // a file padded with millions of rows is refused at the first one beyond the limit, without reading on
        if (rowNumber > maxRows + 1) {
          throw DomainException.badInput("Tệp có dữ liệu ở dòng " + rowNumber + ", vượt quá giới hạn " + maxRows
              + " dòng mỗi tệp. Hãy chia danh sách thành nhiều tệp.");
        }
        handler.row(rowNumber, cells);
      });
    }
  }

  /**
   * The round's import lock row exists before any import takes it (created once, outside the import's transaction;
   * two first imports at once both get here, the second's insert fails harmlessly).
   */
  private void ensureImportLockRow(long roundId) {
    try {
      jdbc.update("insert into round_import_lock (round_id) select id from assessment_round where id = ? and not"
          + " exists (select 1 from round_import_lock where round_id = ?)", roundId, roundId);
    } catch (DuplicateKeyException e) {
      // made by the other import at the same moment
    }
  }

  /**
   * One import at a time per round, on every node: the import holds its round's lock row until it commits or rolls
   * back (a crashed node's lock goes with its connection). A second import is told at once instead of waiting for
   * the first to finish (or for a lock timeout, a 500).
   */
  private void claimImport(long roundId) {
    try {
      jdbc.queryForList("select round_id from round_import_lock where round_id = ? for update nowait", Long.class,
          roundId);
    } catch (DataAccessException e) {
      // PostgreSQL: lock_not_available (55P03); H2: lock timeout (50200), which NOWAIT raises at once
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SQLException sql && ("55P03".equals(sql.getSQLState()) || sql.getErrorCode() == 50200)) {
          throw DomainException.conflict(BUSY);
        }
      }
      throw e;
    }
  }

  /** The handler of one import: header first, then each row validated, scored and (while all is well) batched. */
  private final class Run implements XlsxFile.RowHandler {
    final Round round;
    final Subject subject;
    final RoundCriteria.Stored sheet;
    final IdentityIndex seen;
    final String actor;
    final Timestamp now = Timestamp.from(clock.now());
    final int currentYear = clock.today().getYear();
    final List<Object[]> batch = new ArrayList<>();
    final List<CellError> errors = new ArrayList<>();
    long errorCount;
    int rows;
    long passed;
    boolean headerRead;
    String[] headerText;
    int identityCol = -1;
    int nameCol = -1;
    int birthCol = -1;
    int judgementCol = -1;
    int[] scoreCols;

    Run(Round round, Subject subject, RoundCriteria.Stored sheet, IdentityIndex seen, String actor) {
      this.round = round;
      this.subject = subject;
      this.sheet = sheet;
      this.seen = seen;
      this.actor = actor;
    }

    @Override
    public void row(int rowNumber, String[] cells) {
      if (!headerRead) {
        header(cells);
        headerRead = true;
        return;
      }
      rows++;
      String[] scores = new String[scoreCols.length];
      for (int i = 0; i < scoreCols.length; i++) {
        scores[i] = cell(cells, scoreCols[i]);
      }
      List<FieldError> fieldErrors = new ArrayList<>(2);
      Parsed p = EntryRules.parse(sheet.sheet(), round.orgCode(), currentYear, cell(cells, identityCol),
          cell(cells, nameCol), birthCol < 0 ? null : cell(cells, birthCol), scores, cell(cells, judgementCol),
          fieldErrors);
      String identity = cell(cells, identityCol);
      if (identity != null && fieldErrors.stream().noneMatch(e -> e.field().equals(EntryRules.IDENTITY))) {
        int first = seen.putIfAbsent(identity.strip(), rowNumber);
        if (first == 0) {
          fieldErrors.add(new FieldError(EntryRules.IDENTITY, "Số " + identity.strip()
              + " đã có trong đợt đánh giá (nhập từ tệp khác hoặc biểu mẫu); sửa mục đó bằng biểu mẫu từng mục."));
        } else if (first > 0) {
          fieldErrors.add(new FieldError(EntryRules.IDENTITY, "Số " + identity.strip() + " trùng với dòng " + first
              + " của tệp."));
        }
      }
      if (!fieldErrors.isEmpty()) {
        for (FieldError e : fieldErrors) {
          error(rowNumber, columnOf(e.field()), e.message());
        }
        batch.clear();
        return;
      }
      if (p.score().passed()) {
        passed++;
      }
      if (errorCount == 0) {
        batch.add(entryRow(round.id(), subject, sheet.id(), p, actor, now));
        if (batch.size() >= batchSize) {
          flush();
        }
      }
    }

    void finish() {
      if (!headerRead) {
        throw DomainException.badInput("Tệp trống: cần dòng tiêu đề của mẫu và ít nhất một dòng dữ liệu.");
      }
      if (rows == 0) {
        error(2, null, "Tệp không có dòng dữ liệu nào.");
      }
      if (errorCount == 0) {
        flush();
      }
    }

    private void flush() {
      writer().write(batch);
      batch.clear();
    }

    private void error(int row, Integer col, String message) {
      errorCount++;
      if (errors.size() < MAX_ERRORS_KEPT) {
        errors.add(new CellError(row, col, col == null || headerText == null || col >= headerText.length ? ""
            : headerText[col], message));
      }
    }

    private Integer columnOf(String field) {
      int c = switch (field) {
        case EntryRules.IDENTITY -> identityCol;
        case EntryRules.NAME -> nameCol;
        case EntryRules.BIRTH_YEAR -> birthCol;
        case EntryRules.JUDGEMENT -> judgementCol;
        default -> {
          int k = -1;
          for (int i = 0; i < scoreCols.length; i++) {
            if (sheet.sheet().indicators().get(i).code().equals(field)) {
              k = scoreCols[i];
            }
          }
          yield k;
        }
      };
      return c < 0 ? null : c;
    }

    private void header(String[] cells) {
      headerText = cells;
      List<ScoreSheet.Item> items = sheet.sheet().indicators();
      scoreCols = new int[items.size()];
      java.util.Arrays.fill(scoreCols, -1);
      for (int c = 0; c < cells.length; c++) {
        String h = cells[c] == null ? "" : cells[c].strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("số định danh") || h.startsWith("mã thôn")) {
          identityCol = c;
        } else if (h.equals(subject.nameHeader().toLowerCase(Locale.ROOT)) || h.startsWith("họ và tên")
            || h.startsWith("tên ")) {
          nameCol = c;
        } else if (h.startsWith("năm sinh")) {
          birthCol = c;
        } else if (h.startsWith("nhận định")) {
          judgementCol = c;
        } else {
          for (int i = 0; i < items.size(); i++) {
            String code = items.get(i).code().toLowerCase(Locale.ROOT);
            if (h.equals(code) || h.startsWith(code + " ") || h.startsWith(code + "(")) {
              scoreCols[i] = c;
            }
          }
        }
      }
      List<String> missing = new ArrayList<>();
      if (identityCol < 0) {
        missing.add(subject.identityHeader());
      }
      if (nameCol < 0) {
        missing.add(subject.nameHeader());
      }
      for (int i = 0; i < items.size(); i++) {
        if (scoreCols[i] < 0) {
          missing.add(items.get(i).code());
        }
      }
      if (sheet.sheet().needsJudgement() && judgementCol < 0) {
        missing.add("Nhận định (Đạt / Không đạt)");
      }
      if (!missing.isEmpty()) {
        throw DomainException.badInput("Dòng 1 (tiêu đề) thiếu cột: " + String.join(", ", missing) + ". Hãy dùng mẫu"
            + " của bộ tiêu chí " + sheet.sheet().name() + ", phiên bản " + sheet.sheet().version()
            + " cho nhóm \"" + subject.label() + "\" (tải mẫu ở trang của đợt đánh giá), không thêm, bớt hay đổi tên"
            + " cột.");
      }
    }
  }

  private static String cell(String[] cells, int col) {
    return col < 0 || col >= cells.length ? null : cells[col];
  }

  static Object[] entryRow(long roundId, Subject subject, long criteriaId, Parsed p, String actor, Timestamp now) {
    return new Object[] {roundId, subject.name(), p.identity(), p.name(), p.birthYear(), criteriaId, p.scoresText(),
        p.score().total(), p.score().passed(), p.score().explanation(),
        p.judgement() == null ? null : p.judgement().name(), actor, now};
  }

  // ---------------------------------------------------------------- annotated copy and lists

  /** Writes the file again with the wrong cells in red, each with a comment, and a last column listing the errors. */
  private String annotate(long roundId, Subject subject, Path file, String sha, List<CellError> errors) {
    Map<Integer, List<CellError>> byRow = new LinkedHashMap<>();
    for (CellError e : errors) {
      byRow.computeIfAbsent(e.row(), k -> new ArrayList<>()).add(e);
    }
    try {
      Files.createDirectories(annotatedDir);
      Path out = annotatedDir.resolve("round-" + roundId + "-" + sha + ".xlsx");
      try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
        Sheet sheet = wb.createSheet("Danh sách");
        CellStyle red = wb.createCellStyle();
        red.setFillForegroundColor(IndexedColors.ROSE.getIndex());
        red.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        CellStyle bold = headerStyle(wb);
        CreationHelper help = wb.getCreationHelper();
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        int[] width = {0};
        read(file, (rowNumber, cells) -> {
          Row row = sheet.createRow(rowNumber - 1);
          for (int c = 0; c < cells.length; c++) {
            if (cells[c] != null) {
              row.createCell(c).setCellValue(cells[c]);
            }
          }
          if (width[0] == 0) {
            width[0] = cells.length;
            row.createCell(width[0]).setCellValue("Lỗi cần sửa");
            for (int c = 0; c <= width[0]; c++) {
              if (row.getCell(c) != null) {
                row.getCell(c).setCellStyle(bold);
              }
            }
            return;
          }
          List<CellError> rowErrors = byRow.get(rowNumber);
          if (rowErrors == null) {
            return;
          }
          StringBuilder all = new StringBuilder();
          for (CellError e : rowErrors) {
            all.append(all.length() == 0 ? "" : "; ").append(e.column() == null ? "" : XlsxFile.columnName(e.column())
                + ": ").append(e.message());
            if (e.column() != null) {
              var cell = row.getCell(e.column()) == null ? row.createCell(e.column()) : row.getCell(e.column());
              cell.setCellStyle(red);
              if (cell.getCellComment() == null) {
                ClientAnchor anchor = help.createClientAnchor();
                anchor.setCol1(e.column());
                anchor.setCol2(e.column() + 3);
                anchor.setRow1(rowNumber - 1);
                anchor.setRow2(rowNumber + 2);
                Comment comment = drawing.createCellComment(anchor);
                comment.setString(help.createRichTextString(e.message()));
                cell.setCellComment(comment);
              }
            }
          }
          row.createCell(Math.max(width[0], cells.length)).setCellValue(all.toString());
        });
        try (OutputStream os = Files.newOutputStream(out)) {
          wb.write(os);
        }
        wb.dispose();
      }
      return "/api/rounds/" + roundId + "/imports/" + sha + "/annotated.xlsx";
    } catch (IOException e) {
      throw new IllegalStateException("Không ghi được tệp đánh dấu lỗi", e);
    }
  }

  /** The annotated copy of a refused file, if it was made. */
  public Path annotated(long roundId, String sha) {
    if (!SHA.matcher(sha).matches()) {
      throw DomainException.notFound("Không có tệp đánh dấu lỗi này.");
    }
    Path p = annotatedDir.resolve("round-" + roundId + "-" + sha + ".xlsx");
    if (!Files.exists(p)) {
      throw DomainException.notFound("Không có tệp đánh dấu lỗi này (có thể đã được xóa): hãy tải tệp lên lại.");
    }
    return p;
  }

  /** Everyone recognised by the round's decision (the list attached to it), written as a stream. */
  public void recognisedList(Round round, OutputStream out) throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
      Sheet sheet = wb.createSheet("Danh sách công nhận");
      sheet.createRow(0).createCell(0).setCellValue("Kèm theo Quyết định số " + round.decisionNo() + " ngày "
          + vn.hoctap.common.Dates.vn(round.decisionDate()) + " — " + round.describe());
      Row h = sheet.createRow(2);
      String[] cols = {"STT", "Nhóm", "Số định danh / mã", "Họ và tên / tên", "Tổng điểm"};
      for (int c = 0; c < cols.length; c++) {
        h.createCell(c).setCellValue(cols[c]);
      }
      int[] n = {0};
      jdbc.query("select subject, identity_no, full_name, total from round_entry where round_id = ? and recognised"
          + " = true order by subject, identity_no", rs -> {
            Row row = sheet.createRow(3 + n[0]);
            row.createCell(0).setCellValue(++n[0]);
            row.createCell(1).setCellValue(Subject.valueOf(rs.getString(1)).label());
            row.createCell(2).setCellValue(rs.getString(2));
            row.createCell(3).setCellValue(rs.getString(3));
            row.createCell(4).setCellValue(rs.getBigDecimal(4).doubleValue());
          }, round.id());
      wb.write(out);
      wb.dispose();
    }
  }

  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[65536];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Không đọc được tệp tải lên", e);
    }
  }
}
