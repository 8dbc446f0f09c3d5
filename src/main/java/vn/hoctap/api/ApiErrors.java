package vn.hoctap.api;

import static vn.hoctap.common.Throwables.find;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.hoctap.common.DatabaseUnavailable;
import vn.hoctap.common.DomainException;
import vn.hoctap.engine.TrustBoundary;
import vn.hoctap.common.HttpStatuses;
import vn.hoctap.common.Throwables;

/**
 * Every error of our API as {"error", "message", "details"}: the message says what to fix, in Vietnamese (with
 * English for the technical ones); no stack trace, SQL or class name ever reaches the client.
 */
@RestControllerAdvice
class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> any(Exception e, jakarta.servlet.http.HttpServletRequest request)
      throws Exception {
    if (pageRequest(request)) {
      // an unknown page address, a method or upload the container refused before any page controller: the error
      // page (templates/error.html) for the browser, not JSON. Rethrowing the exception itself declines it.
      throw e;
    }
    DomainException domain = find(e, DomainException.class);
    if (domain != null) {
      return body(HttpStatus.valueOf(HttpStatuses.of(domain.kind())), domain.kind().name(), domain.getMessage(),
          domain.details());
    }
    TrustBoundary.RefusedInput refusedInput = find(e, TrustBoundary.RefusedInput.class);
    if (refusedInput != null) {
      return body(HttpStatus.BAD_REQUEST, "BAD_INPUT", refusedInput.getMessage(), List.of());
    }
    AuthorizationException denied = find(e, AuthorizationException.class);
    if (denied != null) {
      LOG.info("Engine authorization refused: {}", denied.getMessage());
      return body(HttpStatus.FORBIDDEN, "FORBIDDEN", "Bạn không có quyền thực hiện thao tác này.", List.of());
    }
    if (find(e, OptimisticLockingException.class) != null || find(e, OptimisticLockingFailureException.class) != null) {
      return body(HttpStatus.CONFLICT, "CONFLICT", "Hồ sơ vừa được người khác cập nhật. Hãy tải lại rồi thử lại."
          + " (Changed by someone else meanwhile: reload and retry.)", List.of());
    }
    String refused = Throwables.refusedValue(e);
    if (refused != null) {
      return body(HttpStatus.BAD_REQUEST, "BAD_INPUT", refused, List.of());
    }
    if (e instanceof MaxUploadSizeExceededException) {
      // the servlet container reports a part header that is too long (a file name of thousands of characters) the
      // same way as a file that is too large
      return body(HttpStatus.PAYLOAD_TOO_LARGE, "BAD_INPUT", "Tệp vượt quá dung lượng cho phép, hoặc tên tệp quá"
          + " dài (hãy đặt tên ngắn hơn 200 ký tự).", List.of());
    }
    if (e instanceof HttpMessageNotReadableException) {
      return body(HttpStatus.BAD_REQUEST, "BAD_INPUT", "Dữ liệu gửi lên không đọc được: cần JSON đúng định dạng"
          + " và đúng kiểu cho từng trường. (Malformed JSON or wrong field type.)", List.of());
    }
    if (e instanceof MethodArgumentTypeMismatchException m) {
      return body(HttpStatus.BAD_REQUEST, "BAD_INPUT", "Tham số \"" + m.getName() + "\" không đúng kiểu.", List.of());
    }
    if (e instanceof MissingServletRequestParameterException m) {
      return body(HttpStatus.BAD_REQUEST, "BAD_INPUT", "Thiếu tham số \"" + m.getParameterName() + "\".", List.of());
    }
    if (e instanceof MissingServletRequestPartException m) {
      return body(HttpStatus.BAD_REQUEST, "BAD_INPUT", "Thiếu phần \"" + m.getRequestPartName() + "\" (tệp).",
          List.of());
    }
    if (e instanceof MultipartException) {
      return body(HttpStatus.BAD_REQUEST, "BAD_INPUT", "Yêu cầu tải tệp không hợp lệ (cần multipart/form-data).",
          List.of());
    }
    if (e instanceof HttpMediaTypeNotSupportedException) {
      return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "BAD_INPUT", "Kiểu nội dung không được hỗ trợ.", List.of());
    }
    if (e instanceof HttpRequestMethodNotSupportedException) {
      return body(HttpStatus.METHOD_NOT_ALLOWED, "BAD_INPUT", "Phương thức không được hỗ trợ.", List.of());
    }
    if (e instanceof NoResourceFoundException) {
      return body(HttpStatus.NOT_FOUND, "NOT_FOUND", "Không tìm thấy địa chỉ này.", List.of());
    }
    if (DatabaseUnavailable.is(e)) {
      LOG.warn("Database unavailable: {}", e.toString());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", DatabaseUnavailable.RETRY_AFTER)
          .body(body(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.ERROR, DatabaseUnavailable.MESSAGE,
              List.of()).getBody());
    }
    LOG.error("Unexpected error", e);
    return body(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "Lỗi hệ thống, chưa lưu gì. Hãy thử lại sau;"
        + " nếu vẫn lỗi, báo quản trị viên.", List.of());
  }

  /**
   * A request for our pages rather than the API: every controller outside /api is a page (web/Page, answered by
   * PageErrors first), so only errors raised before a controller is chosen reach here from a page address.
   */
  static boolean pageRequest(jakarta.servlet.http.HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/v3/api-docs")
        || path.startsWith("/actuator") || path.startsWith("/swagger-ui") || path.startsWith("/engine-rest"));
  }

  private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String error, String message,
      List<String> details) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("error", error);
    b.put("message", message);
    b.put("details", details);
    return ResponseEntity.status(status).body(b);
  }

}
