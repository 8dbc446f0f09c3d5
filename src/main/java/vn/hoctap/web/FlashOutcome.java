package vn.hoctap.web;

import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hoctap.common.DomainException;

/**
 * A change made from an administration page, then a redirect: what was done ("ok"), or the service's refusal with
 * every detail ("error", "details"), shown by the page's messages (templates/admin/parts.html :: messages). A
 * refusal for lack of rights is not a message: it goes to the error page.
 */
public final class FlashOutcome {

  private FlashOutcome() {}

  /** Runs the change; its outcome goes in the flash, and the answer is a redirect to {@code back}. */
  public static String act(RedirectAttributes flash, String back, Supplier<String> change) {
    try {
      flash.addFlashAttribute("ok", change.get());
    } catch (DomainException e) {
      refusal(flash, e);
    }
    return "redirect:" + back;
  }

  /** The service's refusal as the page's error message with its details; one for lack of rights is rethrown. */
  public static void refusal(RedirectAttributes flash, DomainException e) {
    if (e.kind() == DomainException.Kind.FORBIDDEN) {
      throw e;
    }
    flash.addFlashAttribute("error", e.getMessage());
    flash.addFlashAttribute("details", e.details());
  }
}
