package vn.hoctap.document;

import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.common.Registers;
import vn.hoctap.signing.Cades;
import vn.hoctap.signing.PadesSigner;
import vn.hoctap.signing.RemoteSigning;
import vn.hoctap.signing.SignatureImages;
import vn.hoctap.signing.SignatureVerifier;
import vn.hoctap.signing.SignerKeys;

/**
 * Văn bản điện tử: every document hoctap issues is laid out ({@link Nd30Layout}), signed (PAdES) and stored once, in
 * the transaction of the step where the competent person decides; never generated again. With a server-side key
 * the signature is made at once; through a remote-signing service right after the decision commits; with the
 * signer's own tool when the signer sends the CMS (/api/signing). Until then the document is "chờ ký số".
 */
@Service
public class IssuedDocuments {

  private static final Logger LOG = LoggerFactory.getLogger(IssuedDocuments.class);
  public static final String AWAITING = "AWAITING_SIGNATURE";
  public static final String SIGNED = "SIGNED";

  /**
   * What to issue: the kind (QUYET_DINH, GIAY_CHUNG_NHAN, QUYET_DINH_THU_HOI …), what it is about, the code of its
   * QR, the text, who signs it for which body.
   */
  public record Issue(String kind, String subjectKind, long subjectId, String checkCode, OfficialText text,
      String signerUser, String signerName, String signerTitle, Long issuerOrgId, String issuerOrgCode,
      String sealName, String place, String decisionNo) {}

  /** A stored document without its bytes. */
  public record Stored(long id, String kind, String subjectKind, long subjectId, String checkCode, String title,
      String decisionNo, String signerUser, String signerName, String signerTitle, String method, String status,
      Instant signingTime, String sha256, Instant signedAt, String certificateSubject, String certificateIssuer,
      String certificateSerial, boolean timestamped, String preparedDigest) {

    public boolean signed() {
      return SIGNED.equals(status);
    }
  }

  static final String COLUMNS = "id, kind, subject_kind, subject_id, check_code, title, decision_no, signer_user,"
      + " signer_name, signer_title, method, status, signing_time, sha256, signed_at, certificate_subject,"
      + " certificate_issuer, certificate_serial, timestamped, prepared_digest";
  static final RowMapper<Stored> ROW = (rs, i) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3),
      rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
      rs.getString(10), rs.getString(11), rs.getString(12), rs.getTimestamp(13).toInstant(), rs.getString(14),
      rs.getTimestamp(15) == null ? null : rs.getTimestamp(15).toInstant(), rs.getString(16), rs.getString(17),
      rs.getString(18), rs.getBoolean(19), rs.getString(20));

  private final JdbcTemplate jdbc;
  private final Nd30Layout layout;
  private final SignerKeys keys;
  private final SignatureImages images;
  private final RemoteSigning remote;
  private final EngineClock clock;
  private final TransactionTemplate newTransaction;
  private final Registers registers;

  IssuedDocuments(JdbcTemplate jdbc, Nd30Layout layout, SignerKeys keys, SignatureImages images, RemoteSigning remote,
      EngineClock clock, PlatformTransactionManager tx, Registers registers) {
    this.registers = registers;
    this.jdbc = jdbc;
    this.layout = layout;
    this.keys = keys;
    this.images = images;
    this.remote = remote;
    this.clock = clock;
    this.newTransaction = new TransactionTemplate(tx);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Lays out, prepares and (with a server-side key) signs the document; returns its id. Once per code and kind. */
  @Transactional
  public long issue(Issue i) {
    Optional<Stored> existing = find(i.checkCode(), i.kind());
    if (existing.isPresent()) {
      return existing.get().id();
    }
    SignerKeys.Resolution how = keys.resolve(i.signerUser(), i.issuerOrgCode(), i.signerName(), i.sealName());
    Instant at = clock.now();
    byte[] signature = images.signatureOf(i.signerUser(), i.signerName());
    byte[] seal = i.issuerOrgCode() == null ? null : images.sealOf(i.issuerOrgCode(), i.sealName());
    byte[] rendered = layout.render(i.text(), new Nd30Layout.Stamp(i.signerName(), at, signature, seal));
    PadesSigner.Prepared p = PadesSigner.prepare(rendered, i.signerName(), i.place(), "Ban hành văn bản", at);
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement("insert into issued_document (kind, subject_kind, subject_id, check_code, title,"
          + " decision_no, issuer_org_id, signer_user, signer_name, signer_title, method, status, signing_time,"
          + " prepared_pdf, prepared_digest, timestamped, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?, ?, false, ?)", new String[] {"id"});
      ps.setString(1, i.kind());
      ps.setString(2, i.subjectKind());
      ps.setLong(3, i.subjectId());
      ps.setString(4, i.checkCode());
      ps.setString(5, i.text().pdfTitle());
      ps.setString(6, i.decisionNo());
      ps.setObject(7, i.issuerOrgId());
      ps.setString(8, i.signerUser());
      ps.setString(9, i.signerName());
      ps.setString(10, i.signerTitle());
      ps.setString(11, how.method().name());
      ps.setString(12, AWAITING);
      ps.setTimestamp(13, Timestamp.from(at));
      ps.setBytes(14, p.pdf());
      ps.setString(15, HexFormat.of().formatHex(p.digest()));
      ps.setTimestamp(16, Timestamp.from(clock.now()));
      return ps;
    }, key);
    long id = key.getKey().longValue();
    switch (how.method()) {
      case SERVER_KEY -> {
        store(id, p.pdf(), Cades.sign(p.digest(), how.key().key(), how.key().chain()), at);
      }
      case REMOTE -> afterCommit(() -> requestRemote(id));
      case SIGNER_TOOL -> LOG.info("Văn bản {} ({}) chờ {} ký số bằng công cụ ký", id, i.kind(), i.signerUser());
    }
    return id;
  }

  /** Asks the remote-signing service again (after it failed or timed out); the CMS, if it answers, is embedded. */
  public void requestRemote(long id) {
    Stored s = get(id);
    if (s.signed()) {
      return;
    }
    Optional<byte[]> cms;
    try {
      cms = remote.sign(id, s.signerUser(), s.signerName(), s.title(), HexFormat.of().parseHex(s.preparedDigest()));
    } catch (RuntimeException e) {
      LOG.warn("Dịch vụ ký số từ xa không ký được văn bản {}: {}", id, e.getMessage());
      return;
    }
    cms.ifPresent(c -> newTransaction.executeWithoutResult(t -> complete(id, c, null)));
  }

  /**
   * Embeds the CMS a signer's tool or the remote service returned, after checking that it signs this document's
   * hash with a certificate hoctap trusts; actor (a signer's tool) must be the document's signer.
   */
  @Transactional
  public Stored complete(long id, byte[] cms, String actor) {
    Stored s = lock(id);
    if (actor != null && !actor.equals(s.signerUser())) {
      throw DomainException.notFound("Không có văn bản số " + id + " chờ bạn ký.");
    }
    if (s.signed()) {
      throw DomainException.conflict("Văn bản số " + id + " đã được ký số lúc "
          + time(s.signedAt()) + "; không ký lại.");
    }
    byte[] prepared = jdbc.queryForObject("select prepared_pdf from issued_document where id = ?", byte[].class, id);
    store(id, prepared, cms, s.signingTime());
    return get(id);
  }

  private void store(long id, byte[] prepared, byte[] cms, Instant signingTime) {
    byte[] digest = PadesSigner.digest(prepared);
    SignatureVerifier.Result check = SignatureVerifier.verify(cms, digest, keys.trustAnchors(), signingTime);
    if (!check.ok()) {
      throw DomainException.badInput("Chữ ký số không được chấp nhận: " + check.problem());
    }
    // PAdES-B-T when a timestamp service is configured: its token over the signature value, whoever signed
    byte[] withTime = check.timestamped() ? cms
        : keys.timestamps().map(tsa -> Cades.withTimestamp(cms, tsa)).orElse(cms);
    if (withTime != cms) {
      check = SignatureVerifier.verify(withTime, digest, keys.trustAnchors(), signingTime);
    }
    byte[] pdf;
    try {
      pdf = PadesSigner.embed(prepared, withTime);
    } catch (IllegalArgumentException e) {
      throw DomainException.badInput("Chữ ký số không được chấp nhận: " + e.getMessage());
    }
    jdbc.update("update issued_document set status = ?, pdf = ?, sha256 = ?, signed_at = ?, certificate_subject = ?,"
        + " certificate_issuer = ?, certificate_serial = ?, timestamped = ? where id = ?", SIGNED, pdf,
        HexFormat.of().formatHex(Cades.sha256(pdf)), Timestamp.from(clock.now()), check.subject(), check.issuer(),
        check.serial(), check.timestamped(), id);
  }

  /** "05/03/2027 10:15:30" in Vietnam's time. */
  public static String time(Instant t) {
    return t == null ? "" : java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
        .format(t.atZone(EngineClock.ZONE));
  }

  private static void afterCommit(Runnable work) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          work.run();
        }
      });
    } else {
      work.run();
    }
  }

  // ---- reads ----

  @Transactional(readOnly = true)
  public Stored get(long id) {
    return jdbc.query("select " + COLUMNS + " from issued_document where id = ?", ROW, id).stream().findFirst()
        .orElseThrow(() -> DomainException.notFound("Không tìm thấy văn bản số " + id + "."));
  }

  private Stored lock(long id) {
    return jdbc.query("select " + COLUMNS + " from issued_document where id = ? for update", ROW, id).stream()
        .findFirst().orElseThrow(() -> DomainException.notFound("Không tìm thấy văn bản số " + id + "."));
  }

  /** The next number of a register of non-decisions (a report, a letter): per issuing body, kind and year. */
  @Transactional
  public int nextNumber(long issuerOrgId, String kind, int year) {
    return registers.next("document_counter", List.of("issuer_org_id", "kind", "doc_year"), issuerOrgId, kind, year);
  }

  @Transactional(readOnly = true)
  public Optional<Stored> find(String checkCode, String kind) {
    return jdbc.query("select " + COLUMNS + " from issued_document where check_code = ? and kind = ?", ROW,
        checkCode, kind).stream().findFirst();
  }

  @Transactional(readOnly = true)
  public List<Stored> withCode(String checkCode) {
    return jdbc.query("select " + COLUMNS + " from issued_document where check_code = ? order by id", ROW,
        checkCode);
  }

  @Transactional(readOnly = true)
  public List<Stored> ofSubject(String subjectKind, long subjectId) {
    return jdbc.query("select " + COLUMNS + " from issued_document where subject_kind = ? and subject_id = ? order"
        + " by id", ROW, subjectKind, subjectId);
  }

  @Transactional(readOnly = true)
  public Optional<Stored> bySha256(String sha256) {
    return jdbc.query("select " + COLUMNS + " from issued_document where sha256 = ?", ROW, sha256).stream()
        .findFirst();
  }

  /** The signed file as issued; refused while it waits for its signature. */
  @Transactional(readOnly = true)
  public byte[] signedPdf(Stored s) {
    if (!s.signed()) {
      throw DomainException.conflict("Văn bản \"" + s.title() + "\" đang chờ " + s.signerName() + " ký số; tải lại"
          + " sau khi văn bản được ký.");
    }
    return jdbc.queryForObject("select pdf from issued_document where id = ?", byte[].class, s.id());
  }

  /** The prepared file (with room for the signature) for a signer's tool. */
  @Transactional(readOnly = true)
  public byte[] preparedPdf(long id) {
    return jdbc.queryForObject("select prepared_pdf from issued_document where id = ?", byte[].class, id);
  }

  @Transactional(readOnly = true)
  public List<Stored> awaiting(String signerUser) {
    return jdbc.query("select " + COLUMNS + " from issued_document where status = ? and signer_user = ? order by id",
        ROW, AWAITING, signerUser);
  }

  /** The revocation (thu hồi) of a subject, with the revoking decision's number, if it was revoked. */
  @Transactional(readOnly = true)
  public Optional<RecognitionDocuments.Revoked> revocation(String subjectKind, long subjectId) {
    return jdbc.query("select v.reason, v.revoked_at, d.decision_no, d.id from document_revocation v join"
        + " issued_document d on d.id = v.document_id where v.subject_kind = ? and v.subject_id = ?",
        (rs, i) -> new RecognitionDocuments.Revoked(rs.getString(1), rs.getTimestamp(2).toInstant(),
            rs.getString(3), rs.getLong(4)), subjectKind, subjectId).stream().findFirst();
  }

  /** Records a subject's revocation by its signed revoking decision (once: the table's unique key). */
  void recordRevocation(String subjectKind, long subjectId, String reason, String actor, long documentId) {
    jdbc.update("insert into document_revocation (subject_kind, subject_id, reason, revoked_by, revoked_at,"
        + " document_id) values (?, ?, ?, ?, ?, ?)", subjectKind, subjectId, reason, actor,
        Timestamp.from(clock.now()), documentId);
  }

  public List<X509Certificate> trustAnchors() {
    return keys.trustAnchors();
  }
}
