package vn.hoctap.common.xlsx;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What one uploaded .xlsx may unzip to, per kind of import (defaults in application.yaml). An .xlsx is a zip: a
 * 17 MB upload can inflate to gigabytes, so every part {@link XlsxFile} reads is measured as it is inflated and the
 * import is refused at the first cap it crosses. These are per import, never POI's JVM-wide limits.
 *
 * @param round a round's list (Danh sách đánh giá): up to 1,000,000 people in one sheet
 * @param admin the administration import (Don vi / Nguoi dung): up to 20,000 rows a sheet
 */
@ConfigurationProperties("hoctap.xlsx")
public record XlsxLimits(Caps round, Caps admin) {

  /**
   * @param maxEntries parts (zip entries) in the file; a workbook saved by Excel has a dozen or two
   * @param maxSheetBytes one worksheet part, unzipped (streamed, so this bounds time, not memory)
   * @param maxSharedStringsBytes the shared-strings part, unzipped (copied to a temporary file, not the heap)
   * @param maxSharedStrings the number of shared strings (each costs 8 bytes of heap for its offset)
   * @param maxOtherPartBytes any other part read (workbook, relationships), unzipped
   * @param maxRatio unzipped size over zipped size of a part, checked once the part passes {@code ratioAbove}
   * @param ratioAbove the size from which the ratio counts (small parts of repeated XML compress very well)
   */
  public record Caps(int maxEntries, DataSize maxSheetBytes, DataSize maxSharedStringsBytes, int maxSharedStrings,
      DataSize maxOtherPartBytes, int maxRatio, DataSize ratioAbove) {}
}
