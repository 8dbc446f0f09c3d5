package vn.hoctap.security.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriComponentsBuilder;
import vn.hoctap.common.DomainException;
import vn.hoctap.web.Page;

/**
 * The single sign-on pages around the login page: the button's target (checks that the provider answers before
 * sending the browser there) and the refusal page, which says why no session was opened and whom to ask, and lets
 * the person end the provider's session to sign in with another account.
 */
@Page
class SsoPages {

  static final String REFUSAL_PAGE = "/dang-nhap/tu-choi";
  static final String REFUSAL = SsoPages.class.getName() + ".refusal";
  static final String REFUSED_TOKEN = SsoPages.class.getName() + ".refusedToken";

  /** The ID token of a refused login, to end that provider session (RP-initiated logout) from the page. */
  record RefusedToken(String providerId, String idToken) implements Serializable {}

  private final SsoClientRegistrations registrations;
  private final SsoProperties properties;

  SsoPages(SsoClientRegistrations registrations, SsoProperties properties) {
    this.registrations = registrations;
    this.properties = properties;
  }

  @GetMapping("/dang-nhap/mot-lan/{id}")
  String start(@PathVariable String id, Model model, HttpServletResponse response) {
    SsoProperties.Provider provider = registrations.provider(id);
    if (provider == null) {
      throw DomainException.notFound("Không có hệ thống đăng nhập một lần này. Hãy chọn lại ở trang đăng nhập.");
    }
    if (registrations.findByRegistrationId(id) == null) {
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return page(model, new SsoRefusal(SsoRefusal.Reason.PROVIDER_DOWN, id, provider.name(), null, null, null, null,
          null), false);
    }
    return "redirect:/oauth2/authorization/" + id;
  }

  @GetMapping(REFUSAL_PAGE)
  String refused(HttpSession session, Model model, HttpServletResponse response) {
    if (!(session.getAttribute(REFUSAL) instanceof SsoRefusal refusal)) {
      return "redirect:/dang-nhap";
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    return page(model, refusal, session.getAttribute(REFUSED_TOKEN) instanceof RefusedToken);
  }

  /** Ends the provider's session of the refused login (its ID token as hint) and comes back to the login page. */
  @PostMapping(REFUSAL_PAGE + "/thoat-mot-lan")
  String endProviderSession(HttpServletRequest request, HttpSession session) {
    Object held = session.getAttribute(REFUSED_TOKEN);
    session.removeAttribute(REFUSED_TOKEN);
    session.removeAttribute(REFUSAL);
    if (!(held instanceof RefusedToken token)) {
      return "redirect:/dang-nhap";
    }
    ClientRegistration registration = registrations.findByRegistrationId(token.providerId());
    Object endpoint = registration == null ? null
        : registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
    if (endpoint == null) {
      return "redirect:/dang-nhap";
    }
    String back = UriComponentsBuilder.fromUriString(request.getRequestURL().toString()).replacePath(
        request.getContextPath() + "/dang-nhap").replaceQuery("thoat-mot-lan").build().toUriString();
    return "redirect:" + UriComponentsBuilder.fromUriString(endpoint.toString())
        .queryParam("id_token_hint", "{token}")
        .queryParam("client_id", "{client}")
        .queryParam("post_logout_redirect_uri", "{back}")
        .encode().buildAndExpand(token.idToken(), registration.getClientId(), back).toUriString();
  }

  private String page(Model model, SsoRefusal refusal, boolean canEndProviderSession) {
    model.addAttribute("r", refusal);
    model.addAttribute("contact", properties.contact());
    model.addAttribute("citizenContact", properties.citizenContact());
    model.addAttribute("canEndProviderSession", canEndProviderSession);
    return "sso/khong-dang-nhap";
  }
}
