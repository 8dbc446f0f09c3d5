package vn.hoctap.web;

import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.HttpStatuses;
import vn.hoctap.common.Throwables;

/**
 * Errors of our own pages as a page in Vietnamese with the right status: what went wrong and what to do, never a
 * stack trace. Applies to controllers marked {@link Page}; the REST API has its own JSON errors
 * (vn.hoctap.api.ApiErrors).
 */
@ControllerAdvice(annotations = Page.class)
@Order(0)
class PageErrors {

  private static final Logger LOG = LoggerFactory.getLogger(PageErrors.class);

  @ExceptionHandler(Exception.class)
  ModelAndView any(Exception e) {
    DomainException domain = Throwables.find(e, DomainException.class);
    if (domain != null) {
      return page(HttpStatus.valueOf(HttpStatuses.of(domain.kind())), domain.getMessage());
    }
    if (e instanceof ResponseStatusException r) {
      return page(HttpStatus.valueOf(r.getStatusCode().value()), r.getReason());
    }
    if (e instanceof MethodArgumentTypeMismatchException || e instanceof MissingServletRequestParameterException) {
      return page(HttpStatus.BAD_REQUEST, "Địa chỉ trang có tham số không hợp lệ (ví dụ năm phải là số, như 2026).");
    }
    if (e instanceof ErrorResponse r) {
      return page(HttpStatus.valueOf(r.getStatusCode().value()), r.getStatusCode().is4xxClientError()
          ? "Yêu cầu không hợp lệ: kiểm tra lại các ô đã nhập rồi gửi lại." : "Máy chủ tạm thời không xử lý được.");
    }
    if (Throwables.find(e, AuthorizationException.class) != null) {
      return page(HttpStatus.FORBIDDEN, "Bạn không có quyền thực hiện thao tác này.");
    }
    LOG.error("Unexpected error on a page", e);
    return page(HttpStatus.INTERNAL_SERVER_ERROR, "Đã có lỗi ngoài dự kiến. Vui lòng thử lại; nếu vẫn lỗi, báo quản"
        + " trị viên kèm thời điểm xảy ra.");
  }

  private static ModelAndView page(HttpStatus status, String message) {
    ModelAndView mv = new ModelAndView("error-page");
    mv.setStatus(status);
    mv.addObject("status", status.value());
    mv.addObject("message", message);
    return mv;
  }
}
