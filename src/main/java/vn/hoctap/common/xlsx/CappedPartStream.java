package vn.hoctap.common.xlsx;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * One part of the zip as it is inflated, counting the bytes that actually come out (the sizes in the zip's headers
 * are whatever the file's author wrote): past its cap, or past the ratio once it is big, the import is refused at
 * once, so a bomb costs the time and memory of its first megabytes only.
 */
final class CappedPartStream extends FilterInputStream {

  private final String part;
  private final long cap;
  private final long compressed;
  private final int maxRatio;
  private final long ratioAbove;
  private long inflated;

  CappedPartStream(InputStream in, String part, long cap, long compressed, int maxRatio, long ratioAbove) {
    super(in);
    this.part = part;
    this.cap = cap;
    // java.util.zip.ZipFile reads at most the central directory's compressed size, so this bounds the input
    this.compressed = Math.max(compressed, 1);
    this.maxRatio = maxRatio;
    this.ratioAbove = ratioAbove;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long s = super.skip(n);
    if (s > 0) {
      count(s);
    }
    return s;
  }

  private void count(long n) {
    inflated += n;
    if (inflated > cap) {
      throw new XlsxRefused("Phần \"" + part + "\" của tệp giải nén ra hơn " + XlsxFile.size(cap) + ", vượt quá giới"
          + " hạn cho loại danh sách này. Tệp quá lớn hoặc là tệp nén bất thường (zip bomb): hãy chia danh sách thành"
          + " nhiều tệp nhỏ hơn, hoặc mở bằng Excel, lưu lại dưới dạng .xlsx rồi tải lên lại.");
    }
    if (inflated > ratioAbove && inflated / compressed > maxRatio) {
      throw new XlsxRefused("Phần \"" + part + "\" của tệp bị nén hơn " + maxRatio + " lần (" + XlsxFile.size(compressed)
          + " giải nén ra hơn " + XlsxFile.size(inflated) + "): bảng tính Excel thông thường không như vậy, đây có"
          + " thể là tệp nén bất thường (zip bomb). Hãy mở bằng Excel, lưu lại dưới dạng .xlsx rồi tải lên lại.");
    }
  }
}
