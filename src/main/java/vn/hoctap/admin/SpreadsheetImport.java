package vn.hoctap.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import vn.hoctap.admin.Administration.NewOrgUnit;
import vn.hoctap.admin.AuditLog.Target;
import vn.hoctap.admin.ImportRejected.Problem;
import vn.hoctap.common.xlsx.XlsxFile;
import vn.hoctap.common.xlsx.XlsxLimits;
import vn.hoctap.common.xlsx.XlsxRefused;
import vn.hoctap.org.Groups;
import vn.hoctap.org.AdministrativeType;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.UnitKind;
import vn.hoctap.security.IdentityProvisioning;
import vn.hoctap.security.IdentityProvisioning.BulkUser;

/**
 * Bulk import of the organisation tree and users from an .xlsx workbook (the way provinces keep these lists).
 * The whole file is checked first — every problem is reported with its sheet, row and column, and nothing is
 * stored if there is one; then everything is imported in one transaction. Rows that already exist identically
 * are left alone, so importing the same file twice changes nothing.
 *
 * <p>Org units are created through {@link Administration#createOrgUnit} (same rules, one audit row each). Users and
 * role memberships are written through the engine's identity service and {@link IdentityProvisioning} (the
 * jurisdiction group follows every role), with one summary audit row "BULK_IMPORT" (counts, file name, SHA-256).
 * A user without a password in the file gets none and cannot log in until an administrator sets one: hashing with
 * bcrypt costs about 50–100 ms per password, so thousands of passwords would take minutes.
 */
@Service
public class SpreadsheetImport {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SpreadsheetImport.class);

  public static final String ORG_SHEET = "Don vi";
  public static final String USER_SHEET = "Nguoi dung";
  public static final String NOTES_SHEET = "Huong dan";

  static final String[] ORG_HEADERS = {"Mã đơn vị", "Tên đơn vị", "Cấp", "Loại đơn vị", "Công lập",
      "Mã đơn vị cấp trên"};
  static final String[] USER_HEADERS = {"Tên đăng nhập", "Họ", "Tên", "Email", "Mật khẩu ban đầu", "Vai trò",
      "Mã đơn vị"};
  /**
   * The columns of the official list of administrative units (QĐ 19/2025/QĐ-TTg) as published: a workbook without
   * the sheets above whose first sheet has these headers is read as that list (other columns are ignored).
   */
  static final String[] OFFICIAL_HEADERS = {"Mã", "Tên", "Cấp", "Mã tỉnh"};
  private static final int O_CODE = 0, O_NAME = 1, O_KIND = 2, O_UNIT_KIND = 3, O_PUBLIC = 4, O_PARENT = 5;
  /** Where the org columns O_* sit among OFFICIAL_HEADERS (-1: the list has no such column). */
  private static final int[] OFFICIAL_COLUMNS = {0, 1, 2, -1, -1, 3};
  private static final int U_ID = 0, U_LAST = 1, U_FIRST = 2, U_EMAIL = 3, U_PASSWORD = 4, U_ROLE = 5, U_ORG = 6;
  private static final int CHUNK = 500;

  /** The counts of one import. */
  public record Result(String fileName, String sha256, int orgUnitsCreated, int orgUnitsUnchanged,
      int usersCreated, int usersUnchanged, int usersWithoutPassword, int rolesGranted, int rolesUnchanged) {
    public boolean changedNothing() {
      return orgUnitsCreated == 0 && usersCreated == 0 && rolesGranted == 0;
    }
  }

  private record OrgRow(int row, String code, String name, OrgKind kind, UnitKind unitKind, boolean publicUnit,
      String parentCode, AdministrativeType adminType) {}

  private record UserRow(int row, String id, String lastName, String firstName, String email, String password,
      String role, String orgCode) {
    String group() {
      return role + "-" + orgCode;
    }
  }

  /** One person as the file describes them (from the first row that gives each field). */
  private static final class Person {
    final String id;
    final int firstRow;
    String lastName;
    String firstName;
    String email;
    String password;
    final List<UserRow> roles = new ArrayList<>();

    Person(String id, int firstRow) {
      this.id = id;
      this.firstRow = firstRow;
    }
  }

  private final Administration admin;
  private final OrgUnitLookups lookups;
  private final IdentityService identity;
  private final IdentityProvisioning provisioning;
  private final AuditLog audit;
  private final long maxBytes;
  private final int maxRows;
  private final XlsxLimits.Caps caps;

  public SpreadsheetImport(Administration admin, OrgUnitLookups lookups, IdentityService identity,
      IdentityProvisioning provisioning, AuditLog audit, XlsxLimits limits,
      @Value("${hoctap.import.max-bytes:10MB}") DataSize maxBytes,
      @Value("${hoctap.import.max-rows:20000}") int maxRows) {
    this.admin = admin;
    this.lookups = lookups;
    this.identity = identity;
    this.provisioning = provisioning;
    this.audit = audit;
    this.maxBytes = maxBytes.toBytes();
    this.maxRows = maxRows;
    // a 10 MB upload must not inflate into gigabytes: this import's own caps, read by XlsxFile
    this.caps = limits.admin();
  }

  public int maxRows() {
    return maxRows;
  }

  public long maxBytes() {
    return maxBytes;
  }

  // the template ////////////////////////////////////////////////////////////////////////////////////////////

  /** The empty workbook to fill in: the two data sheets with their headers and a sheet explaining every column. */
  public byte[] template() {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var bold = wb.createCellStyle();
      var font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      var text = wb.createCellStyle();
      text.setDataFormat(wb.createDataFormat().getFormat("@"));
      for (String[] sheet : new String[][] {prepend(ORG_SHEET, ORG_HEADERS), prepend(USER_SHEET, USER_HEADERS)}) {
        Sheet s = wb.createSheet(sheet[0]);
        Row header = s.createRow(0);
        for (int i = 1; i < sheet.length; i++) {
          Cell c = header.createCell(i - 1);
          c.setCellValue(sheet[i]);
          c.setCellStyle(bold);
          s.setColumnWidth(i - 1, 22 * 256);
          // text cells, so that codes like "001" keep their zeros
          s.setDefaultColumnStyle(i - 1, text);
        }
        s.createFreezePane(0, 1);
      }
      Sheet notes = wb.createSheet(NOTES_SHEET);
      notes.setColumnWidth(0, 24 * 256);
      notes.setColumnWidth(1, 30 * 256);
      notes.setColumnWidth(2, 110 * 256);
      int r = 0;
      for (String[] line : notes()) {
        Row row = notes.createRow(r++);
        for (int i = 0; i < line.length; i++) {
          Cell c = row.createCell(i);
          c.setCellValue(line[i]);
          if (line.length == 1 || r == 1) {
            c.setCellStyle(bold);
          }
        }
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("Không tạo được bảng tính mẫu", e);
    }
  }

  private static String[] prepend(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private List<String[]> notes() {
    List<String[]> n = new ArrayList<>();
    n.add(new String[] {"Trang tính", "Cột", "Cách điền"});
    n.add(new String[] {ORG_SHEET, "Mã đơn vị", "Bắt buộc. Chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới; tối"
        + " đa 50 ký tự; không trùng. Ví dụ: HN, HN-TT, HN-TT-TH01."});
    n.add(new String[] {ORG_SHEET, "Tên đơn vị", "Bắt buộc, tối đa 300 ký tự. Ví dụ: Trường Tiểu học Tam Hiệp."});
    n.add(new String[] {ORG_SHEET, "Cấp", "Bắt buộc: PROVINCE hoặc Tỉnh/Thành phố; DISTRICT hoặc Huyện; COMMUNE"
        + " hoặc Xã/Phường; Đặc khu (mã 5 chữ số theo QĐ 19/2025/QĐ-TTg, trực thuộc tỉnh); VILLAGE hoặc Thôn/Tổ dân"
        + " phố; UNIT hoặc Trường/Cơ quan."});
    n.add(new String[] {ORG_SHEET, "Loại đơn vị", "Chỉ cho Trường/Cơ quan (UNIT), bắt buộc với cấp này; để trống"
        + " với các cấp khác. Một trong các loại dưới đây (tên tiếng Anh hoặc tên tiếng Việt)."});
    n.add(new String[] {ORG_SHEET, "Công lập", "Có hoặc Không; để trống là Có."});
    n.add(new String[] {ORG_SHEET, "Mã đơn vị cấp trên", "Bắt buộc, trừ tỉnh/thành phố. Đơn vị cấp trên đã có trong"
        + " hệ thống hoặc ở một dòng khác của trang này (thứ tự dòng tùy ý). Huyện thuộc tỉnh, xã thuộc huyện"
        + " (hoặc thuộc tỉnh nếu tỉnh không còn cấp huyện), thôn thuộc xã; trường thuộc cấp quản lý trường."});
    n.add(new String[] {USER_SHEET, "Tên đăng nhập", "Bắt buộc. 2–64 ký tự: chữ không dấu, số, dấu chấm, gạch"
        + " ngang, gạch dưới. Một người có nhiều vai trò thì ghi nhiều dòng cùng tên đăng nhập."});
    n.add(new String[] {USER_SHEET, "Họ, Tên", "Bắt buộc với người dùng mới (ở ít nhất một dòng của người đó)."});
    n.add(new String[] {USER_SHEET, "Email", "Không bắt buộc."});
    n.add(new String[] {USER_SHEET, "Mật khẩu ban đầu", "Không bắt buộc; nếu có thì ít nhất "
        + Administration.MIN_PASSWORD + " ký tự. Người dùng mới không có mật khẩu chưa đăng nhập được cho đến"
        + " khi quản trị viên đặt mật khẩu (trang Quản trị → Người dùng). Mật khẩu của người dùng đã có không bị"
        + " thay đổi."});
    n.add(new String[] {USER_SHEET, "Vai trò", "Bắt buộc, một vai trò mỗi dòng (tên tiếng Việt hoặc tiếng Anh),"
        + " xem danh sách dưới đây."});
    n.add(new String[] {USER_SHEET, "Mã đơn vị", "Bắt buộc: đơn vị nơi người đó giữ vai trò (đã có trong hệ thống"
        + " hoặc ở trang " + ORG_SHEET + "). Người dùng xem được hồ sơ của đơn vị này và mọi đơn vị trực thuộc."});
    n.add(new String[] {""});
    n.add(new String[] {"Vai trò"});
    for (Roles.Role role : Roles.ALL) {
      if (!role.name().equals(Groups.CITIZEN)) {
        n.add(new String[] {role.name(), role.label(), role.may()});
      }
    }
    n.add(new String[] {""});
    n.add(new String[] {"Loại đơn vị (cho Trường/Cơ quan)"});
    for (UnitKind k : UnitKind.values()) {
      n.add(new String[] {k.name(), k.label(), "Đánh giá theo bộ tiêu chí " + k.assessmentTier().label()});
    }
    n.add(new String[] {""});
    n.add(new String[] {"Danh mục 2025", "Mã, Tên, Cấp, Mã tỉnh", "Có thể tải lên thẳng danh mục đơn vị hành chính"
        + " theo QĐ 19/2025/QĐ-TTg (tệp không có hai trang trên; trang đầu có các cột Mã, Tên, Cấp, Mã tỉnh): Cấp là"
        + " Tỉnh, Thành phố (mã 2 chữ số) hoặc Xã, Phường, Đặc khu (mã 5 chữ số, trực thuộc tỉnh có Mã tỉnh)."});
    n.add(new String[] {""});
    n.add(new String[] {"Cả tệp được kiểm tra trước; nếu có lỗi thì không nhập gì và danh sách lỗi cho biết trang,"
        + " dòng, cột. Nhập lại cùng một tệp không tạo thêm gì. Không dùng công thức; tối đa " + maxBytes / 1024 / 1024
        + " MB và " + maxRows + " dòng mỗi trang."});
    return n;
  }

  // the import ///////////////////////////////////////////////////////////////////////////////////////////////

  /** Checks the whole file, then imports it in one transaction; {@link ImportRejected} lists every problem. */
  @Transactional
  public Result importFile(String actor, String fileName, byte[] content) {
    String name = fileName == null || fileName.isBlank() ? "(không tên)" : fileName.strip();
    List<Problem> problems = new ArrayList<>();
    if (content == null || content.length == 0) {
      throw new ImportRejected(List.of(new Problem(null, 0, null, "Tệp rỗng.")));
    }
    if (content.length > maxBytes) {
      throw new ImportRejected(List.of(new Problem(null, 0, null, "Tệp " + (content.length / 1024 / 1024)
          + " MB, vượt quá " + (maxBytes / 1024 / 1024) + " MB cho phép. Tách thành nhiều tệp nhỏ hơn.")));
    }
    List<OrgRow> orgRows = new ArrayList<>();
    List<UserRow> userRows = new ArrayList<>();
    Run run = new Run();
    run.read(content, problems, orgRows, userRows);
    if (run.unreadable) {
      throw new ImportRejected(problems);
    }
    Map<String, OrgUnit> known = new HashMap<>();
    List<OrgRow> newOrgs = run.checkOrgs(orgRows, known, problems);
    Map<String, Person> people = new LinkedHashMap<>();
    Map<String, User> existingUsers = run.checkUsers(userRows, known, people, problems);
    if (!problems.isEmpty()) {
      problems.sort((a, b) -> a.sheet().equals(b.sheet()) ? Integer.compare(a.row(), b.row())
          : a.sheet().equals(ORG_SHEET) ? -1 : 1);
      throw new ImportRejected(problems);
    }
    return store(actor, name, sha256(content), orgRows.size(), newOrgs, people, existingUsers);
  }

  /** One import's reading and checking; remembers where each sheet's columns were found, for the problems. */
  private final class Run {

    private final Map<String, int[]> columns = new HashMap<>();
    /** A problem with the file or a sheet as a whole: the rows are not checked further. */
    private boolean unreadable;
    /** Every code in the org sheet, also of rows with mistakes (so that those raise no second problem elsewhere). */
    private final Set<String> orgCodesInSheet = new HashSet<>();
    /** The headers of each sheet read (the two sheets of the template, or the official list's sheet). */
    private final Map<String, String[]> headersOf = new HashMap<>();
    /** The sheet the org units come from, and where its columns sit among its headers (O_* → header index). */
    private String orgSheet = ORG_SHEET;
    private int[] orgColumns = {0, 1, 2, 3, 4, 5};

    private void fatal(List<Problem> problems, Problem p) {
      problems.add(p);
      unreadable = true;
    }

    private void read(byte[] content, List<Problem> problems, List<OrgRow> orgRows, List<UserRow> userRows) {
      Path file = null;
      try {
        file = Files.createTempFile("admin-import-", ".xlsx");
        Files.write(file, content);
        try (XlsxFile x = XlsxFile.open(file, caps)) {
          int orgSheet = x.sheetIndex(ORG_SHEET);
          int userSheet = x.sheetIndex(USER_SHEET);
          if (orgSheet < 0 && userSheet < 0) {
            if (!x.sheetNames().isEmpty() && officialList(x)) {
              String name = x.sheetNames().get(0);
              this.orgSheet = name;
              this.orgColumns = OFFICIAL_COLUMNS;
              for (String[] cells : rows(x, 0, name, OFFICIAL_HEADERS, problems)) {
                OrgRow r = officialRow(name, cells, problems);
                if (r != null) {
                  orgRows.add(r);
                }
              }
              return;
            }
            fatal(problems, new Problem(null, 0, null, "Không có trang tính \"" + ORG_SHEET + "\" hay \"" + USER_SHEET
                + "\", và trang đầu không có các cột của danh mục đơn vị hành chính (" + String.join(", ",
                OFFICIAL_HEADERS) + "). Hãy dùng bảng tính mẫu hoặc danh mục theo QĐ 19/2025/QĐ-TTg."));
            return;
          }
          if (orgSheet >= 0) {
            for (String[] cells : rows(x, orgSheet, ORG_SHEET, ORG_HEADERS, problems)) {
              OrgRow r = orgRow(cells, problems);
              if (r != null) {
                orgRows.add(r);
              }
            }
          }
          if (userSheet >= 0) {
            for (String[] cells : rows(x, userSheet, USER_SHEET, USER_HEADERS, problems)) {
              UserRow r = userRow(cells, problems);
              if (r != null) {
                userRows.add(r);
              }
            }
          }
        }
      } catch (XlsxRefused e) {
        fatal(problems, new Problem(e.sheet(), e.row(), e.cell(), e.getMessage()));
      } catch (IOException e) {
        throw new IllegalStateException("Không ghi được tệp tạm của bảng tính tải lên", e);
      } finally {
        if (file != null) {
          try {
            Files.deleteIfExists(file);
          } catch (IOException e) {
            LOG.warn("Temporary file {} not deleted", file);
          }
        }
      }
    }

    /**
     * The data rows of a sheet as text, the spreadsheet row number in element 0 and the columns in header order
     * after it. Columns are found by their header (row 1), so their order does not matter. Blank rows are skipped;
     * a row beyond the limit stops the reading.
     */
    private List<String[]> rows(XlsxFile x, int index, String name, String[] headers, List<Problem> problems) {
      List<String[]> read = new ArrayList<>();
      String[][] header = new String[1][];
      x.readSheet(index, (rowNumber, cells) -> {
        if (rowNumber > maxRows + 1) {
          throw new XlsxRefused(name, 0, null, "Trang tính có dữ liệu ở dòng " + rowNumber + ", vượt quá " + maxRows
              + " dòng cho phép. Tách thành nhiều tệp.");
        }
        if (rowNumber == 1) {
          header[0] = cells;
        } else {
          String[] withRow = new String[cells.length + 1];
          withRow[0] = String.valueOf(rowNumber);
          System.arraycopy(cells, 0, withRow, 1, cells.length);
          read.add(withRow);
        }
      });
      int[] where = new int[headers.length];
      java.util.Arrays.fill(where, -1);
      if (header[0] != null) {
        for (int c = 0; c < header[0].length; c++) {
          String text = Roles.key(header[0][c] == null ? "" : header[0][c]);
          for (int i = 0; i < headers.length; i++) {
            if (text.equals(Roles.key(headers[i]))) {
              where[i] = c;
            }
          }
        }
      }
      boolean missing = false;
      for (int i = 0; i < headers.length; i++) {
        if (where[i] < 0) {
          missing = true;
          fatal(problems, new Problem(name, 1, null, "Thiếu cột \"" + headers[i] + "\" ở dòng tiêu đề."));
        }
      }
      if (missing) {
        return List.of();
      }
      List<String[]> out = new ArrayList<>();
      for (String[] row : read) {
        String[] cells = new String[headers.length + 1];
        boolean blank = true;
        for (int i = 0; i < headers.length; i++) {
          String v = where[i] + 1 < row.length ? trim(row[where[i] + 1]) : null;
          cells[i + 1] = v;
          blank &= v == null;
        }
        if (!blank) {
          cells[0] = row[0];
          out.add(cells);
        }
      }
      columns.put(name, where);
      headersOf.put(name, headers);
      return out;
    }

    private String column(String sheet, int header) {
      String[] headers = headersOf.getOrDefault(sheet, sheet.equals(ORG_SHEET) ? ORG_HEADERS : USER_HEADERS);
      int[] where = columns.get(sheet);
      return CellReference.convertNumToColString(where == null ? header : where[header]) + " (" + headers[header]
          + ")";
    }

    private Problem problem(String sheet, int row, int header, String message) {
      return new Problem(sheet, row, column(sheet, header), message);
    }

    /** A problem of an org row, in the sheet and column the org units were read from. */
    private Problem orgProblem(int row, int orgColumn, String message) {
      return problem(orgSheet, row, orgColumns[orgColumn], message);
    }

    /** Whether the first sheet's header row names every column of the official list. */
    private boolean officialList(XlsxFile x) {
      Set<String> found = new HashSet<>();
      x.readSheet(0, (rowNumber, cells) -> {
        if (rowNumber == 1) {
          for (String c : cells) {
            if (c != null) {
              found.add(Roles.key(c));
            }
          }
        }
      });
      return java.util.Arrays.stream(OFFICIAL_HEADERS).allMatch(h -> found.contains(Roles.key(h)));
    }

    /**
     * A row of the official list: Mã (2 digits for a province, 5 for a xã, phường, đặc khu), Tên, Cấp (Tỉnh, Thành
     * phố, Xã, Phường, Đặc khu) and Mã tỉnh (the province of a commune-level unit, which sits directly under it).
     */
    private OrgRow officialRow(String sheet, String[] c, List<Problem> problems) {
      int row = Integer.parseInt(c[0]);
      int before = problems.size();
      String code = c[1];
      String name = c[2];
      String province = c[4];
      if (code != null) {
        orgCodesInSheet.add(code);
      }
      AdministrativeType type = AdministrativeType.of(c[3]).orElse(null);
      if (type == null) {
        problems.add(problem(sheet, row, 2, c[3] == null ? "Thiếu cấp (Tỉnh, Thành phố, Xã, Phường, Đặc khu)."
            : "Cấp \"" + c[3] + "\" không có trong danh mục. Dùng: Tỉnh, Thành phố, Xã, Phường, Đặc khu."));
      }
      if (code == null) {
        problems.add(problem(sheet, row, 0, "Thiếu mã."));
      } else if (type != null && type.codeProblem(code) != null) {
        problems.add(problem(sheet, row, 0, type.codeProblem(code)));
      }
      if (name == null) {
        problems.add(problem(sheet, row, 1, "Thiếu tên."));
      } else if (name.length() > 300) {
        problems.add(problem(sheet, row, 1, "Tên dài quá 300 ký tự."));
      }
      String parent = null;
      if (type != null && type.tier() == OrgKind.COMMUNE) {
        if (province == null) {
          problems.add(problem(sheet, row, 3, "Thiếu mã tỉnh của " + type.label().toLowerCase() + "."));
        } else if (AdministrativeType.TINH.codeProblem(province) != null) {
          problems.add(problem(sheet, row, 3, "Mã tỉnh theo danh mục gồm đúng 2 chữ số; \"" + province
              + "\" không đúng."));
        }
        parent = province;
      } else if (type != null && province != null && !province.equals(code)) {
        problems.add(problem(sheet, row, 3, "Tỉnh, thành phố không trực thuộc đơn vị nào: để trống mã tỉnh hoặc ghi"
            + " chính mã \"" + code + "\"."));
      }
      if (problems.size() > before) {
        return null;
      }
      return new OrgRow(row, code, type.fullName(name), type.tier(), null, true, parent, type);
    }

    private OrgRow orgRow(String[] c, List<Problem> problems) {
      int row = Integer.parseInt(c[0]);
      int before = problems.size();
      String code = c[O_CODE + 1];
      String name = c[O_NAME + 1];
      if (code != null) {
        orgCodesInSheet.add(code);
      }
      if (code == null) {
        problems.add(problem(ORG_SHEET, row, O_CODE, "Thiếu mã đơn vị."));
      } else if (!Administration.ORG_CODE.matcher(code).matches()) {
        problems.add(problem(ORG_SHEET, row, O_CODE, "Mã \"" + code + "\" không hợp lệ: chỉ chữ không dấu, số, dấu"
            + " chấm, gạch ngang, gạch dưới; tối đa 50 ký tự."));
      }
      if (name == null) {
        problems.add(problem(ORG_SHEET, row, O_NAME, "Thiếu tên đơn vị."));
      } else if (name.length() > 300) {
        problems.add(problem(ORG_SHEET, row, O_NAME, "Tên đơn vị dài quá 300 ký tự."));
      }
      OrgKind kind = null;
      AdministrativeType type = null;
      if (c[O_KIND + 1] == null) {
        problems.add(problem(ORG_SHEET, row, O_KIND, "Thiếu cấp (Tỉnh/Thành phố, Huyện, Xã/Phường, Thôn/Tổ dân phố,"
            + " Trường/Cơ quan)."));
      } else {
        kind = Roles.kind(c[O_KIND + 1]).orElse(null);
        // a đặc khu exists only in the official list of 2025: it takes its type, and with it the 5-digit code
        if (AdministrativeType.of(c[O_KIND + 1]).orElse(null) == AdministrativeType.DAC_KHU) {
          type = AdministrativeType.DAC_KHU;
          if (code != null && type.codeProblem(code) != null) {
            problems.add(problem(ORG_SHEET, row, O_CODE, type.codeProblem(code)));
          }
        }
        if (kind == null) {
          problems.add(problem(ORG_SHEET, row, O_KIND, "Cấp \"" + c[O_KIND + 1] + "\" không có. Dùng: Tỉnh/Thành phố"
              + " (PROVINCE), Huyện (DISTRICT), Xã/Phường (COMMUNE), Thôn/Tổ dân phố (VILLAGE), Trường/Cơ quan"
              + " (UNIT)."));
        }
      }
      UnitKind unitKind = null;
      if (c[O_UNIT_KIND + 1] != null) {
        unitKind = Roles.unitKind(c[O_UNIT_KIND + 1]).orElse(null);
        if (unitKind == null) {
          problems.add(problem(ORG_SHEET, row, O_UNIT_KIND, "Loại đơn vị \"" + c[O_UNIT_KIND + 1] + "\" không có"
              + " (xem trang " + NOTES_SHEET + ")."));
        } else if (kind != null && kind != OrgKind.UNIT) {
          problems.add(problem(ORG_SHEET, row, O_UNIT_KIND, "Chỉ Trường/Cơ quan (UNIT) mới có loại đơn vị; để trống"
              + " ô này với " + kind.label() + "."));
        }
      } else if (kind == OrgKind.UNIT) {
        problems.add(problem(ORG_SHEET, row, O_UNIT_KIND, "Trường/Cơ quan cần loại đơn vị (xem trang " + NOTES_SHEET
            + ")."));
      }
      Boolean publicUnit = yesNo(c[O_PUBLIC + 1]);
      if (publicUnit == null) {
        problems.add(problem(ORG_SHEET, row, O_PUBLIC, "Công lập ghi \"Có\" hoặc \"Không\" (hoặc để trống)."));
      }
      String parent = c[O_PARENT + 1];
      if (parent == null && kind != null && kind != OrgKind.PROVINCE) {
        problems.add(problem(ORG_SHEET, row, O_PARENT, "Cần mã đơn vị cấp trên cho " + kind.label() + "."));
      } else if (parent != null && parent.equals(code)) {
        problems.add(problem(ORG_SHEET, row, O_PARENT, "Đơn vị không thể là cấp trên của chính nó."));
      }
      if (problems.size() > before) {
        return null;
      }
      return new OrgRow(row, code, type == null ? name : type.fullName(name), kind, unitKind, publicUnit, parent,
          type);
    }

    private static Boolean yesNo(String s) {
      if (s == null) {
        return true;
      }
      return switch (Roles.key(s)) {
        case "có", "co", "c", "x", "true", "1", "yes" -> true;
        case "không", "khong", "k", "false", "0", "no" -> false;
        default -> null;
      };
    }

    private UserRow userRow(String[] c, List<Problem> problems) {
      int row = Integer.parseInt(c[0]);
      int before = problems.size();
      String id = c[U_ID + 1];
      if (id == null) {
        problems.add(problem(USER_SHEET, row, U_ID, "Thiếu tên đăng nhập."));
      } else if (!Administration.USER_ID.matcher(id).matches()) {
        problems.add(problem(USER_SHEET, row, U_ID, "Tên đăng nhập \"" + id + "\" không hợp lệ: 2–64 ký tự, chỉ chữ"
            + " không dấu, số, dấu chấm, gạch ngang, gạch dưới."));
      }
      for (int col : new int[] {U_LAST, U_FIRST, U_EMAIL}) {
        if (c[col + 1] != null && c[col + 1].length() > 255) {
          problems.add(problem(USER_SHEET, row, col, "Dài quá 255 ký tự."));
        }
      }
      String email = c[U_EMAIL + 1];
      if (email != null && !Administration.EMAIL.matcher(email).matches()) {
        problems.add(problem(USER_SHEET, row, U_EMAIL, "Email \"" + email + "\" không hợp lệ."));
      }
      String password = c[U_PASSWORD + 1];
      if (password != null && password.length() < Administration.MIN_PASSWORD) {
        problems.add(problem(USER_SHEET, row, U_PASSWORD, "Mật khẩu cần ít nhất " + Administration.MIN_PASSWORD
            + " ký tự (hoặc để trống: quản trị viên đặt sau)."));
      }
      String role = null;
      if (c[U_ROLE + 1] == null) {
        problems.add(problem(USER_SHEET, row, U_ROLE, "Thiếu vai trò."));
      } else {
        role = Roles.role(c[U_ROLE + 1]).orElse(null);
        if (role == null) {
          problems.add(problem(USER_SHEET, row, U_ROLE, "Vai trò \"" + c[U_ROLE + 1] + "\" không có. Các vai trò: "
              + Roles.choices() + "."));
        } else if (role.equals(Groups.CITIZEN)) {
          // a citizen's account needs their personal identification number, which this sheet has no column for
          problems.add(problem(USER_SHEET, row, U_ROLE, "Vai trò Công dân cần số định danh cá nhân của người đó:"
              + " tạo tài khoản công dân ở trang \"Tài khoản công dân\" của đơn vị, xã, hoặc ở trang Quản trị →"
              + " Người dùng (mục Số định danh cá nhân), không qua bảng tính này."));
          role = null;
        }
      }
      String org = c[U_ORG + 1];
      if (org == null) {
        problems.add(problem(USER_SHEET, row, U_ORG, "Thiếu mã đơn vị nơi giữ vai trò."));
      }
      if (problems.size() > before) {
        return null;
      }
      return new UserRow(row, id, c[U_LAST + 1], c[U_FIRST + 1], email, password, role, org);
    }

    /**
     * Duplicates, conflicts with the database, parents and cycles. Fills {@code known} with the database's units
     * named in the file; returns the rows to create, parents first.
     */
    private List<OrgRow> checkOrgs(List<OrgRow> rows, Map<String, OrgUnit> known, List<Problem> problems) {
      Set<String> codes = new HashSet<>();
      for (OrgRow r : rows) {
        codes.add(r.code());
        if (r.parentCode() != null) {
          codes.add(r.parentCode());
        }
      }
      known.putAll(findOrgs(codes));
      Map<String, OrgRow> inFile = new LinkedHashMap<>();
      List<OrgRow> fresh = new ArrayList<>();
      for (OrgRow r : rows) {
        OrgRow first = inFile.putIfAbsent(r.code(), r);
        if (first != null) {
          problems.add(orgProblem(r.row(), O_CODE, "Mã \"" + r.code() + "\" trùng với dòng " + first.row()
              + "."));
          continue;
        }
        OrgUnit existing = known.get(r.code());
        if (existing == null) {
          fresh.add(r);
          continue;
        }
        List<String> diff = new ArrayList<>();
        if (!existing.getName().equals(r.name())) {
          diff.add("tên \"" + existing.getName() + "\"");
        }
        if (existing.getKind() != r.kind()) {
          diff.add("cấp " + existing.getKind().label());
        }
        if (r.adminType() != null && existing.getAdminType() != r.adminType()) {
          diff.add("loại " + (existing.getAdminType() == null ? "(ngoài danh mục)" : existing.getAdminType().label()));
        }
        if (existing.getUnitKind() != r.unitKind()) {
          diff.add("loại " + (existing.getUnitKind() == null ? "(không có)" : existing.getUnitKind().label()));
        }
        if (existing.isPublicUnit() != r.publicUnit()) {
          diff.add(existing.isPublicUnit() ? "công lập" : "ngoài công lập");
        }
        String parentCode = existing.getParent() == null ? null : existing.getParent().getCode();
        if (!Objects.equals(parentCode, r.parentCode())) {
          diff.add("cấp trên " + (parentCode == null ? "(không có)" : "\"" + parentCode + "\""));
        }
        if (!diff.isEmpty()) {
          problems.add(orgProblem(r.row(), O_CODE, "Mã \"" + r.code() + "\" đã có trong hệ thống với "
              + String.join(", ", diff) + ". Dùng mã khác, hoặc sửa dòng này cho khớp (đổi tên: trang Quản trị)."));
        }
      }
      // parents: in the database or elsewhere in the file; a tier sits under a higher tier
      for (OrgRow r : fresh) {
        if (r.parentCode() == null) {
          continue;
        }
        OrgKind parentKind = null;
        if (inFile.containsKey(r.parentCode())) {
          parentKind = inFile.get(r.parentCode()).kind();
        } else if (known.containsKey(r.parentCode())) {
          parentKind = known.get(r.parentCode()).getKind();
          if (known.get(r.parentCode()).isDissolved()) {
            problems.add(orgProblem(r.row(), O_PARENT, "Đơn vị cấp trên \"" + r.parentCode()
                + "\" đã giải thể (sắp xếp đơn vị hành chính)."));
          }
        } else if (!orgCodesInSheet.contains(r.parentCode())) {
          problems.add(orgProblem(r.row(), O_PARENT, "Đơn vị cấp trên \"" + r.parentCode() + "\" không có"
              + " trong hệ thống và trong trang " + orgSheet + "."));
        }
        if (parentKind != null) {
          String misplaced = Administration.parentProblem(r.kind(), parentKind, r.parentCode());
          if (misplaced == null && r.adminType() != null) {
            misplaced = Administration.typedParentProblem(r.adminType(), parentKind, r.parentCode());
          }
          if (misplaced != null) {
            problems.add(orgProblem(r.row(), O_PARENT, misplaced));
          }
        }
      }
      // cycles among the new rows, and the order to create them in (parents first)
      Map<String, Integer> depth = new HashMap<>();
      for (OrgRow r : fresh) {
        List<String> chain = new ArrayList<>();
        String c = r.code();
        while (c != null && inFile.containsKey(c) && !known.containsKey(c) && !depth.containsKey(c)
            && !chain.contains(c)) {
          chain.add(c);
          c = inFile.get(c).parentCode();
        }
        if (c != null && chain.contains(c)) {
          List<String> loop = new ArrayList<>(chain.subList(chain.indexOf(c), chain.size()));
          loop.add(c);
          for (String member : loop.subList(0, loop.size() - 1)) {
            problems.add(orgProblem(inFile.get(member).row(), O_PARENT, "Vòng lặp cấp trên: "
                + String.join(" → ", loop) + "."));
          }
          chain.forEach(code -> depth.put(code, -1));
          continue;
        }
        int d = c != null && depth.containsKey(c) ? depth.get(c) : 0;
        for (int i = chain.size() - 1; i >= 0; i--) {
          depth.put(chain.get(i), d < 0 ? -1 : ++d);
        }
      }
      List<OrgRow> ordered = new ArrayList<>(fresh);
      ordered.sort((a, b) -> Integer.compare(depth.getOrDefault(a.code(), 0), depth.getOrDefault(b.code(), 0)));
      return ordered;
    }

    /** Groups the rows by person, checks each person against their other rows and the database. */
    private Map<String, User> checkUsers(List<UserRow> rows, Map<String, OrgUnit> known,
        Map<String, Person> people, List<Problem> problems) {
      Set<String> orgCodes = orgCodesInSheet;
      Set<String> unknownOrgs = new HashSet<>();
      for (UserRow r : rows) {
        if (!orgCodes.contains(r.orgCode()) && !known.containsKey(r.orgCode())) {
          unknownOrgs.add(r.orgCode());
        }
      }
      Map<String, OrgUnit> more = findOrgs(unknownOrgs);
      known.putAll(more);
      Map<String, Integer> seen = new HashMap<>();
      for (UserRow r : rows) {
        if (!orgCodes.contains(r.orgCode()) && !known.containsKey(r.orgCode())) {
          problems.add(problem(USER_SHEET, r.row(), U_ORG, "Đơn vị \"" + r.orgCode() + "\" không có trong hệ thống và"
              + " trong trang " + ORG_SHEET + "."));
        }
        OrgUnit unit = known.get(r.orgCode());
        if (unit != null && unit.isDissolved()) {
          problems.add(problem(USER_SHEET, r.row(), U_ORG, "Đơn vị \"" + r.orgCode() + "\" đã giải thể: không giao"
              + " vai trò mới tại đây."));
        }
        Integer dup = seen.putIfAbsent(r.id() + "\n" + r.group(), r.row());
        if (dup != null) {
          problems.add(problem(USER_SHEET, r.row(), U_ROLE, "Vai trò " + Roles.label(r.role()) + " tại \""
              + r.orgCode() + "\" của \"" + r.id() + "\" trùng với dòng " + dup + "."));
          continue;
        }
        Person p = people.computeIfAbsent(r.id(), id -> new Person(id, r.row()));
        p.lastName = merge(p.lastName, r.lastName(), r, U_LAST, p, problems);
        p.firstName = merge(p.firstName, r.firstName(), r, U_FIRST, p, problems);
        p.email = merge(p.email, r.email(), r, U_EMAIL, p, problems);
        p.password = merge(p.password, r.password(), r, U_PASSWORD, p, problems);
        p.roles.add(r);
      }
      Map<String, User> existing = new HashMap<>();
      for (List<String> chunk : chunks(people.keySet())) {
        for (User u : identity.createUserQuery().userIdIn(chunk.toArray(String[]::new)).list()) {
          existing.put(u.getId(), u);
        }
      }
      for (Person p : people.values()) {
        User u = existing.get(p.id);
        if (u == null) {
          if (p.lastName == null) {
            problems.add(problem(USER_SHEET, p.firstRow, U_LAST, "Thiếu họ của người dùng mới \"" + p.id + "\"."));
          }
          if (p.firstName == null) {
            problems.add(problem(USER_SHEET, p.firstRow, U_FIRST, "Thiếu tên của người dùng mới \"" + p.id + "\"."));
          }
          continue;
        }
        List<String> diff = new ArrayList<>();
        if (p.lastName != null && !p.lastName.equals(u.getLastName())) {
          diff.add("họ \"" + u.getLastName() + "\"");
        }
        if (p.firstName != null && !p.firstName.equals(u.getFirstName())) {
          diff.add("tên \"" + u.getFirstName() + "\"");
        }
        if (p.email != null && !p.email.equals(u.getEmail())) {
          diff.add("email \"" + u.getEmail() + "\"");
        }
        if (!diff.isEmpty()) {
          problems.add(problem(USER_SHEET, p.firstRow, U_ID, "Tên đăng nhập \"" + p.id + "\" đã có trong hệ thống với "
              + String.join(", ", diff) + ". Dùng tên đăng nhập khác, hoặc để trống họ, tên, email để chỉ giao thêm"
              + " vai trò."));
        }
      }
      return existing;
    }

    /** A person's field given on several rows must read the same on each. */
    private String merge(String sofar, String value, UserRow r, int header, Person p, List<Problem> problems) {
      if (value == null) {
        return sofar;
      }
      if (sofar != null && !sofar.equals(value)) {
        problems.add(problem(USER_SHEET, r.row(), header, "Khác với các dòng trước của \"" + p.id + "\" (dòng "
            + p.firstRow + "); ghi giống nhau hoặc để trống."));
        return sofar;
      }
      return value;
    }
  }

  private Result store(String actor, String fileName, String sha256, int orgRowCount, List<OrgRow> newOrgs,
      Map<String, Person> people, Map<String, User> existingUsers) {
    long t0 = System.nanoTime();
    for (OrgRow r : newOrgs) {
      admin.createOrgUnit(actor, new NewOrgUnit(r.code(), r.name(), r.kind(), r.unitKind(), r.publicUnit(),
          r.parentCode(), r.adminType()));
    }
    long t1 = System.nanoTime();
    // every role group and jurisdiction group the file needs, created once
    Map<String, String> unitNames = new HashMap<>();
    Set<String> groups = new LinkedHashSet<>();
    for (Person p : people.values()) {
      for (UserRow r : p.roles) {
        groups.add(r.group());
        groups.add(Groups.jurisdiction(r.orgCode()));
      }
    }
    Set<String> existingGroups = new HashSet<>();
    for (List<String> chunk : chunks(groups)) {
      identity.createGroupQuery().groupIdIn(chunk.toArray(String[]::new)).list().stream().map(Group::getId)
          .forEach(existingGroups::add);
    }
    Set<String> orgsOfGroups = new HashSet<>();
    for (String g : groups) {
      if (!existingGroups.contains(g) && g.startsWith("org-")) {
        orgsOfGroups.add(g.substring(4));
      }
    }
    findOrgs(orgsOfGroups).forEach((code, unit) -> unitNames.put(code, unit.getName()));
    for (String g : groups) {
      if (existingGroups.contains(g)) {
        continue;
      }
      if (g.startsWith("org-")) {
        String code = g.substring(4);
        provisioning.ensureGroup(g, "Phạm vi " + unitNames.getOrDefault(code, code),
            IdentityProvisioning.JURISDICTION_TYPE);
      } else {
        provisioning.ensureGroup(g, g, "WORKFLOW");
      }
    }
    long t2 = System.nanoTime();
    // users: with a password through the engine (it hashes it), without one in a single batch
    int usersCreated = 0;
    List<BulkUser> withoutPassword = new ArrayList<>();
    for (Person p : people.values()) {
      if (existingUsers.containsKey(p.id)) {
        continue;
      }
      usersCreated++;
      if (p.password == null) {
        withoutPassword.add(new BulkUser(p.id, p.firstName, p.lastName, p.email));
        continue;
      }
      User u = identity.newUser(p.id);
      u.setFirstName(p.firstName);
      u.setLastName(p.lastName);
      u.setEmail(p.email);
      u.setPassword(p.password);
      identity.saveUser(u);
    }
    provisioning.createUsersWithoutPassword(withoutPassword);
    long t3 = System.nanoTime();
    // role memberships, each with its unit's jurisdiction group (IdentityProvisioning)
    Map<String, List<String>> roles = new LinkedHashMap<>();
    int roleRows = 0;
    for (Person p : people.values()) {
      for (UserRow r : p.roles) {
        roles.computeIfAbsent(p.id, k -> new ArrayList<>()).add(r.group());
        roleRows++;
      }
    }
    int granted = provisioning.ensureMemberships(roles);
    int unchanged = roleRows - granted;
    long t4 = System.nanoTime();
    LOG.info("Import {}: org units {} ms, groups {} ms, users {} ms, memberships {} ms", fileName, (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
    Result result = new Result(fileName, sha256, newOrgs.size(), orgRowCount - newOrgs.size(), usersCreated,
        people.size() - usersCreated, withoutPassword.size(), granted, unchanged);
    if (!result.changedNothing()) {
      audit.record(actor, "BULK_IMPORT", Target.IMPORT, truncate(fileName, 200), null, result);
    }
    return result;
  }

  private Map<String, OrgUnit> findOrgs(Collection<String> codes) {
    Map<String, OrgUnit> out = new HashMap<>();
    for (List<String> chunk : chunks(codes)) {
      for (OrgUnit u : lookups.findByCodeIn(chunk)) {
        out.put(u.getCode(), u);
      }
    }
    return out;
  }

  private static <T> List<List<T>> chunks(Collection<T> all) {
    List<List<T>> out = new ArrayList<>();
    List<T> current = new ArrayList<>();
    for (T t : all) {
      current.add(t);
      if (current.size() == CHUNK) {
        out.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  private static String trim(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
