package vn.hoctap.report;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;

/** The yearly report of an organisation as Excel or PDF, within the user's jurisdiction. */
@Page
class ReportDownloads {

  private final DashboardService dashboards;
  private final ReportWriters writers;

  ReportDownloads(DashboardService dashboards, ReportWriters writers) {
    this.dashboards = dashboards;
    this.writers = writers;
  }

  @GetMapping("/bao-cao/{org}/{year}.xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable String org, @PathVariable int year) {
    byte[] body = writers.xlsx(dashboards.yearly(CurrentUser.get(), org, year));
    return download(body, MediaType.parseMediaType(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "bao-cao-" + org + "-" + year + ".xlsx");
  }

  @GetMapping("/bao-cao/{org}/{year}.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String org, @PathVariable int year) {
    return download(writers.pdf(dashboards.yearly(CurrentUser.get(), org, year)), MediaType.APPLICATION_PDF,
        "bao-cao-" + org + "-" + year + ".pdf");
  }

  private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }
}
