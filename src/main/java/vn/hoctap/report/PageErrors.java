package vn.hoctap.report;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.HttpStatuses;
import vn.hoctap.document.DocumentPages;
import vn.hoctap.security.CurrentUser;

/**
 * Our server-rendered pages: the logged-in user for the header, and errors as a Vietnamese page (never a stack
 * trace). Ahead of the API's JSON error handler, for these controllers only.
 */
@ControllerAdvice(assignableTypes = {DashboardPages.class, DossierPage.class, ReportDownloads.class, DocumentPages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageErrors {

  private static final Logger LOG = LoggerFactory.getLogger(PageErrors.class);

  @ModelAttribute("userName")
  String userName() {
    CurrentUser u = CurrentUser.get();
    return u == null || "anonymousUser".equals(u.id()) ? null : u.id();
  }

  @ExceptionHandler(Exception.class)
  String error(Exception e, Model model, HttpServletResponse response) {
    int status;
    String message;
    if (e instanceof DomainException d) {
      status = HttpStatuses.of(d.kind());
      message = d.getMessage();
    } else if (e instanceof MethodArgumentTypeMismatchException || e instanceof MissingServletRequestParameterException) {
      status = 400;
      message = "Địa chỉ trang có tham số không hợp lệ (ví dụ năm phải là số, như 2026).";
    } else {
      LOG.error("Page failed", e);
      status = 500;
      message = "Đã có lỗi ngoài dự kiến. Vui lòng thử lại sau hoặc báo quản trị viên.";
    }
    response.setStatus(status);
    model.addAttribute("message", message);
    model.addAttribute("userName", userName());
    return "loi";
  }
}
