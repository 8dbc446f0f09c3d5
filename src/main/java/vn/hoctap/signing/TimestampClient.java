package vn.hoctap.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/** An RFC 3161 timestamp service (hoctap.signing.tsa-url) over HTTP. */
public final class TimestampClient {

  private final URI url;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final SecureRandom random = new SecureRandom();

  public TimestampClient(String url) {
    this.url = URI.create(url);
  }

  /** The encoded TimeStampToken (a CMS ContentInfo) over the SHA-256 hash given. */
  public byte[] token(byte[] sha256) {
    try {
      TimeStampRequestGenerator g = new TimeStampRequestGenerator();
      g.setCertReq(true);
      TimeStampRequest req = g.generate(NISTObjectIdentifiers.id_sha256, sha256, new BigInteger(64, random));
      HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/timestamp-query")
          .POST(HttpRequest.BodyPublishers.ofByteArray(req.getEncoded())).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IOException("HTTP " + r.statusCode());
      }
      TimeStampResponse resp = new TimeStampResponse(r.body());
      resp.validate(req);
      if (resp.getTimeStampToken() == null) {
        throw new IOException("no token: " + resp.getStatusString());
      }
      return resp.getTimeStampToken().getEncoded();
    } catch (IOException | TSPException e) {
      throw new IllegalStateException("Dịch vụ dấu thời gian " + url + " không trả lời được", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
