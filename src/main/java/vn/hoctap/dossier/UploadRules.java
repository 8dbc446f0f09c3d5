package vn.hoctap.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import vn.hoctap.common.DomainException;

/**
 * The checks every uploaded document passes, wherever it is uploaded (a dossier's evidence, an award proposal's
 * tờ trình and báo cáo thành tích): a safe name, an allowed type by name and by its first bytes (a renamed
 * executable is not a PDF), not empty, not above the size limit. Each refusal names the file and says what to do.
 */
public final class UploadRules {

  /** A file that passed: its safe name, type and content with its SHA-256. */
  public record Checked(String name, String extension, String contentType, byte[] bytes, String sha256) {}

  private UploadRules() {}

  public static Checked check(String originalName, InputStream content, long declaredSize, long maxBytes,
      Set<String> allowedTypes) throws IOException {
    String name = safeName(originalName);
    String ext = extension(name);
    if (!allowedTypes.contains(ext)) {
      throw DomainException.badInput("Tệp \"" + name + "\" không đúng loại cho phép. Chỉ nhận: "
          + String.join(", ", allowedTypes.stream().sorted().toList()) + ".");
    }
    if (declaredSize > maxBytes) {
      throw tooLarge(name, maxBytes);
    }
    byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (bytes.length == 0) {
      throw DomainException.badInput("Tệp \"" + name + "\" rỗng.");
    }
    if (bytes.length > maxBytes) {
      throw tooLarge(name, maxBytes);
    }
    if (!contentMatches(ext, bytes)) {
      throw DomainException.badInput("Nội dung tệp \"" + name + "\" không phải là tệp ." + ext
          + " hợp lệ. Hãy tải lên đúng tệp gốc.");
    }
    return new Checked(name, ext, mediaType(ext), bytes, sha256(bytes));
  }

  private static DomainException tooLarge(String name, long maxBytes) {
    return DomainException.badInput("Tệp \"" + name + "\" vượt quá dung lượng cho phép ("
        + (maxBytes / (1024 * 1024)) + " MB). Hãy nén hoặc tách tệp.");
  }

  /** Keeps the last path segment only, without control characters: no directory tricks reach storage or logs. */
  public static String safeName(String original) {
    if (original == null) {
      throw DomainException.badInput("Thiếu tên tệp.");
    }
    String name = original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw DomainException.badInput("Tên tệp \"" + original + "\" không hợp lệ.");
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The first bytes of each allowed type, so a renamed executable is not accepted as a PDF. */
  static boolean contentMatches(String ext, byte[] b) {
    return switch (ext) {
      case "pdf" -> startsWith(b, 0x25, 0x50, 0x44, 0x46);
      case "png" -> startsWith(b, 0x89, 0x50, 0x4E, 0x47);
      case "jpg", "jpeg" -> startsWith(b, 0xFF, 0xD8, 0xFF);
      case "docx", "xlsx", "odt", "ods" -> startsWith(b, 0x50, 0x4B, 0x03, 0x04);
      case "doc", "xls" -> startsWith(b, 0xD0, 0xCF, 0x11, 0xE0);
      default -> false;
    };
  }

  private static boolean startsWith(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  static String mediaType(String ext) {
    return switch (ext) {
      case "pdf" -> "application/pdf";
      case "png" -> "image/png";
      case "jpg", "jpeg" -> "image/jpeg";
      case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      case "odt" -> "application/vnd.oasis.opendocument.text";
      case "ods" -> "application/vnd.oasis.opendocument.spreadsheet";
      case "doc" -> "application/msword";
      case "xls" -> "application/vnd.ms-excel";
      default -> "application/octet-stream";
    };
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** "1,2 MB" for a size in bytes, as the pages show it. */
  public static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.forLanguageTag("vi"), "%,.0f KB", bytes / 1024.0);
    }
    return String.format(Locale.forLanguageTag("vi"), "%,.1f MB", bytes / (1024.0 * 1024));
  }
}
