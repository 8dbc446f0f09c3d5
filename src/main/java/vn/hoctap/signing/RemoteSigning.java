package vn.hoctap.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The remote-signing service (hoctap.signing.remote.*; README "Ký số từ xa"). hoctap posts
 * {@code {"documentId", "signer", "signerName", "documentTitle", "hashAlgorithm": "SHA-256", "hash": base64}} with
 * {@code Authorization: Bearer <token>}; the service answers 200 {@code {"cms": base64}} (a detached CMS
 * SignedData over that hash, the signer's certificate in it), or 202 when the signer confirms later on their phone
 * — the CMS then comes through POST /api/signing/documents/{id}/signature.
 */
@Component
public class RemoteSigning {

  private final SigningSettings.Remote settings;
  private final ObjectMapper json;
  private final HttpClient http;

  RemoteSigning(SigningSettings settings, ObjectMapper json) {
    this.settings = settings.remote();
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(this.settings.timeout()).build();
  }

  /** The CMS if the service signed at once; empty if it will answer later. */
  public Optional<byte[]> sign(long documentId, String signer, String signerName, String title, byte[] sha256) {
    if (!settings.configured()) {
      throw new IllegalStateException("Chưa cấu hình dịch vụ ký số từ xa (hoctap.signing.remote.url).");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("documentId", documentId);
    body.put("signer", signer);
    body.put("signerName", signerName);
    body.put("documentTitle", title);
    body.put("hashAlgorithm", "SHA-256");
    body.put("hash", Base64.getEncoder().encodeToString(sha256));
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(settings.url())).timeout(settings.timeout())
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
      if (settings.token() != null && !settings.token().isBlank()) {
        b.header("Authorization", "Bearer " + settings.token());
      }
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() == 202) {
        return Optional.empty();
      }
      if (r.statusCode() != 200) {
        throw new IllegalStateException("dịch vụ ký số từ xa trả lời HTTP " + r.statusCode());
      }
      JsonNode cms = json.readTree(r.body()).get("cms");
      if (cms == null || !cms.isTextual()) {
        throw new IllegalStateException("dịch vụ ký số từ xa không trả về chữ ký (cms)");
      }
      return Optional.of(Base64.getDecoder().decode(cms.asText()));
    } catch (IOException e) {
      throw new IllegalStateException("không gọi được dịch vụ ký số từ xa: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
