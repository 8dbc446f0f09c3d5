package vn.hoctap.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Test helpers for signed PDFs: the first page rendered by poppler's pdftoppm (Debian's poppler-utils, installed
 * by scripts/install-test-tools.sh) to target/screenshots/{name}.png for docs/screenshots, and the public upload
 * check as a browser posts it.
 */
public final class PdfPictures {

  private PdfPictures() {}

  /** Renders the first page; returns the PNG's path. */
  public static Path render(byte[] pdf, String name) throws IOException, InterruptedException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Path in = Files.createTempFile("hoctap-", ".pdf");
    try {
      Files.write(in, pdf);
      Process p;
      try {
        p = new ProcessBuilder("pdftoppm", "-r", "80", "-png", "-singlefile", "-f", "1", "-l", "1",
            in.toString(), dir.resolve(name).toString()).redirectErrorStream(true).start();
      } catch (IOException missing) {
        throw new IllegalStateException("pdftoppm is missing: run scripts/install-test-tools.sh (poppler-utils)",
            missing);
      }
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as("pdftoppm: " + out).isZero();
    } finally {
      Files.deleteIfExists(in);
    }
    Path png = dir.resolve(name + ".png");
    assertThat(Files.size(png)).isGreaterThan(10_000);
    return png;
  }

  /** The text of every page as PDFBox extracts it, runs of white space made one space. */
  public static String text(byte[] pdf) throws IOException {
    try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(d).replaceAll("\\s+", " ");
    }
  }

  /** The file with one bit of one byte inside its signed content changed (a third of the way in). */
  public static byte[] oneByteChanged(byte[] pdf) {
    byte[] changed = pdf.clone();
    int at = pdf.length / 3;
    changed[at] = (byte) (changed[at] ^ 0x01);
    return changed;
  }

  /** GET with HTTP basic authentication, the body as bytes (a PDF); asserts 200. */
  public static byte[] download(int port, String user, String password, String path)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + port + path)).header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":"
        + password).getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  /** POST /kiem-tra/van-ban with the file, anonymously, as the upload form does; the page's HTML. */
  public static HttpResponse<String> uploadCheck(int port, String fileName, byte[] pdf)
      throws IOException, InterruptedException {
    String boundary = "hoctapCheck" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + pdf.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(pdf, 0, body, head.length, pdf.length);
    System.arraycopy(tail, 0, body, head.length + pdf.length, tail.length);
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/kiem-tra/van-ban")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
