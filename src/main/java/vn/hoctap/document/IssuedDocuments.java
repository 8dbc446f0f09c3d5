package vn.hoctap.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Duration;
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
 * Văn bản điện tử: every document hoctap issues is laid out ({@link Nd30Layout}), signed (PAdES) and stored once;
 * never generated again. The step where the competent person decides records only the request, in its own
 * transaction: the row with its number, check code, signing time and the text to lay out (cheap, so the dossier and
 * the numbering register are not held while a PDF is made or a signing service answers). Right after that
 * transaction commits, in the same thread (so the page after the decision usually shows the signed file), the
 * document is laid out, prepared and, with a server-side key, signed, in a transaction of its own; through a
 * remote-signing service it is then asked for; with the signer's own tool the signer sends the CMS
 * (/api/signing). A failure there leaves the decision as it is and the document "đang ký số, ban hành";
 * {@link UnfinishedDocuments} finishes it at start-up and every few minutes. Until it is signed the document is
 * "chờ ký số".
 */
@Service
public class IssuedDocuments {

  private static final Logger LOG = LoggerFactory.getLogger(IssuedDocuments.class);
  public static final String AWAITING = "AWAITING_SIGNATURE";
  public static final String SIGNED = "SIGNED";
  /** A claim older than this is taken to be of a node that stopped half-way; another node takes the row over. */
  static final Duration CLAIM_LEASE = Duration.ofMinutes(10);
  /** At most this many documents per sweep. */
  static final int SWEEP_BATCH = 100;
  /**
   * The text to lay out is stored as JSON with the request; a mapper of its own, so settings of the web's JSON never
   * change what a stored request reads back as.
   */
  static final ObjectMapper LAYOUT_JSON = JsonMapper.builder().build();

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

    /** Laid out and prepared: its hash can be signed. */
    public boolean prepared() {
      return preparedDigest != null;
    }

    /**
     * Not signed yet, and waiting for hoctap rather than for its signer: being laid out, or signed with a
     * server-side key ("đang ký số, ban hành").
     */
    public boolean issuing() {
      return !signed() && (!prepared() || SignerKeys.Method.SERVER_KEY.name().equals(method));
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

  /**
   * Records the document to issue (once per code and kind) and returns its id; it is laid out, prepared and (with a
   * server-side key) signed right after the caller's transaction commits ({@link #finish}), at once without one.
   * Read back inside the caller's transaction it is still "chờ ký số".
   */
  @Transactional
  public long issue(Issue i) {
    Optional<Stored> existing = find(i.checkCode(), i.kind());
    if (existing.isPresent()) {
      return existing.get().id();
    }
    long id = record(i);
    afterCommit(() -> finish(id));
    return id;
  }

  /** The request alone: the row, AWAITING_SIGNATURE, with the text to lay out. No PDF is made here. */
  long record(Issue i) {
    SignerKeys.Method method = keys.method(i.signerUser(), i.issuerOrgCode());
    String text;
    try {
      text = LAYOUT_JSON.writeValueAsString(i.text());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Không ghi được nội dung văn bản " + i.kind() + " " + i.checkCode(), e);
    }
    Instant at = clock.now();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement("insert into issued_document (kind, subject_kind, subject_id, check_code, title,"
          + " decision_no, issuer_org_id, signer_user, signer_name, signer_title, method, status, signing_time,"
          + " layout_text, place, seal_name, issuer_org_code, timestamped, created_at) values (?, ?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)", new String[] {"id"});
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
      ps.setString(11, method.name());
      ps.setString(12, AWAITING);
      ps.setTimestamp(13, Timestamp.from(at));
      ps.setString(14, text);
      ps.setString(15, i.place());
      ps.setString(16, i.sealName());
      ps.setString(17, i.issuerOrgCode());
      ps.setTimestamp(18, Timestamp.from(clock.now()));
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  /** What laying out and signing a recorded document needs of its row. */
  private record Work(long id, String kind, String signerUser, String signerName, String issuerOrgCode,
      String sealName, String place, Instant signingTime, String layoutText, byte[] prepared, String method) {}

  /**
   * Lays out, prepares and (with a server-side key) signs a recorded document, each database step in a transaction
   * of its own, the PDF and the signature outside any; asks the remote-signing service for it when that is how its
   * signer signs. Claims the row first, so two nodes (or the after-commit step and a sweep) never do it twice.
   * Never throws: a failure is logged, the claim let go, and the document stays "đang ký số, ban hành" for the next
   * sweep. Returns whether this call found it waiting and did its part.
   */
  public boolean finish(long id) {
    Work w;
    try {
      w = newTransaction.execute(t -> claim(id));
    } catch (RuntimeException e) {
      LOG.warn("Không nhận được văn bản {} để ký số, ban hành: {}", id, e.toString());
      return false;
    }
    if (w == null) {
      return false;
    }
    try {
      work(w);
      return true;
    } catch (RuntimeException e) {
      LOG.warn("Văn bản {} ({}) chưa ký số, ban hành được; sẽ thử lại: {}", id, w.kind(), e.toString(), e);
      try {
        newTransaction.executeWithoutResult(t -> release(id));
      } catch (RuntimeException again) {
        LOG.warn("Không trả lại được văn bản {}: {}", id, again.toString());
      }
      return false;
    }
  }

  /**
   * Finishes the documents still waiting for hoctap (being laid out, or to be signed with a server-side key) that
   * no node is working on: left by a node stopped between the decision's commit and its after-commit step, or by a
   * failure there. Returns how many were signed or handed to their signer.
   */
  public int finishWaiting() {
    List<Long> ids = newTransaction.execute(t -> jdbc.queryForList("select id from issued_document where status = ?"
        + " and (prepared_digest is null or method = ?) and (claimed_at is null or claimed_at < ?) order by id"
        + " fetch first " + SWEEP_BATCH + " rows only", Long.class, AWAITING, SignerKeys.Method.SERVER_KEY.name(),
        Timestamp.from(Instant.now().minus(CLAIM_LEASE))));
    int done = 0;
    for (long id : ids) {
      if (finish(id)) {
        done++;
      }
    }
    return done;
  }

  /** Takes the row for this node (1 row updated = taken); null if it is signed or another node has it. */
  private Work claim(long id) {
    Instant now = Instant.now();
    int taken = jdbc.update("update issued_document set claimed_at = ? where id = ? and status = ? and (claimed_at"
        + " is null or claimed_at < ?)", Timestamp.from(now), id, AWAITING, Timestamp.from(now.minus(CLAIM_LEASE)));
    if (taken != 1) {
      return null;
    }
    return jdbc.queryForObject("select kind, signer_user, signer_name, issuer_org_code, seal_name, place,"
        + " signing_time, layout_text, prepared_pdf, method from issued_document where id = ?", (rs, i) -> new Work(
        id, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getBytes(9), rs.getString(10)), id);
  }

  private void release(long id) {
    jdbc.update("update issued_document set claimed_at = null where id = ?", id);
  }

  private void work(Work w) {
    byte[] prepared = w.prepared() != null ? w.prepared() : prepare(w);
    SignerKeys.Resolution how = keys.resolve(w.signerUser(), w.issuerOrgCode(), w.signerName(), w.sealName());
    if (how.method() == SignerKeys.Method.SERVER_KEY) {
      Signed done = embed(prepared, Cades.sign(PadesSigner.digest(prepared), how.key().key(), how.key().chain()),
          w.signingTime());
      newTransaction.executeWithoutResult(t -> {
        if (save(w.id(), done) == 1) {
          jdbc.update("update issued_document set method = ?, claimed_at = null where id = ?", how.method().name(),
              w.id());
        }
      });
      return;
    }
    newTransaction.executeWithoutResult(t -> jdbc.update("update issued_document set method = ?, claimed_at = null"
        + " where id = ?", how.method().name(), w.id()));
    if (how.method() == SignerKeys.Method.REMOTE) {
      requestRemote(w.id());
    } else {
      LOG.info("Văn bản {} ({}) chờ {} ký số bằng công cụ ký", w.id(), w.kind(), w.signerUser());
    }
  }

  /** Lays the text out with the signer's signature and the body's seal, prepares the PDF and stores it. */
  private byte[] prepare(Work w) {
    OfficialText text;
    try {
      text = LAYOUT_JSON.readValue(w.layoutText(), OfficialText.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Không đọc được nội dung văn bản " + w.id() + ": " + e.getMessage(), e);
    }
    byte[][] pictures = newTransaction.execute(t -> new byte[][] {images.signatureOf(w.signerUser(), w.signerName()),
        w.issuerOrgCode() == null ? null : images.sealOf(w.issuerOrgCode(), w.sealName())});
    byte[] rendered = layout.render(text, new Nd30Layout.Stamp(w.signerName(), w.signingTime(), pictures[0],
        pictures[1]));
    PadesSigner.Prepared p = PadesSigner.prepare(rendered, w.signerName(), w.place(), "Ban hành văn bản",
        w.signingTime());
    return newTransaction.execute(t -> {
      int stored = jdbc.update("update issued_document set prepared_pdf = ?, prepared_digest = ? where id = ? and"
          + " prepared_pdf is null", p.pdf(), HexFormat.of().formatHex(p.digest()), w.id());
      return stored == 1 ? p.pdf()
          : jdbc.queryForObject("select prepared_pdf from issued_document where id = ?", byte[].class, w.id());
    });
  }

  /** Asks the remote-signing service again (after it failed or timed out); the CMS, if it answers, is embedded. */
  public void requestRemote(long id) {
    Stored s = newTransaction.execute(t -> get(id));
    if (s.signed()) {
      return;
    }
    if (!s.prepared()) {
      finish(id);
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
    if (!s.prepared()) {
      throw DomainException.conflict(notPrepared(id));
    }
    byte[] prepared = jdbc.queryForObject("select prepared_pdf from issued_document where id = ?", byte[].class, id);
    save(id, embed(prepared, cms, s.signingTime()));
    return get(id);
  }

  /** "Văn bản số 12 đang được dàn trang …": refused to a signer's tool until the prepared PDF exists. */
  public static String notPrepared(long id) {
    return "Văn bản số " + id + " đang được dàn trang, chưa có mã băm để ký; thử lại sau ít phút.";
  }

  /** A signed PDF and what its signature says. */
  private record Signed(byte[] pdf, SignatureVerifier.Result check) {}

  /**
   * Checks the CMS against the prepared PDF's hash and hoctap's trusted roots, adds the timestamp service's token
   * (PAdES-B-T) when one is configured, and embeds it. No database work: it may wait for the timestamp service.
   */
  private Signed embed(byte[] prepared, byte[] cms, Instant signingTime) {
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
    try {
      return new Signed(PadesSigner.embed(prepared, withTime), check);
    } catch (IllegalArgumentException e) {
      throw DomainException.badInput("Chữ ký số không được chấp nhận: " + e.getMessage());
    }
  }

  /** Stores the signed PDF unless the document was signed meanwhile; 1 when stored. */
  private int save(long id, Signed s) {
    return jdbc.update("update issued_document set status = ?, pdf = ?, sha256 = ?, signed_at = ?,"
        + " certificate_subject = ?, certificate_issuer = ?, certificate_serial = ?, timestamped = ? where id = ?"
        + " and status = ?", SIGNED, s.pdf(), HexFormat.of().formatHex(Cades.sha256(s.pdf())),
        Timestamp.from(clock.now()), s.check().subject(), s.check().issuer(), s.check().serial(),
        s.check().timestamped(), id, AWAITING);
  }

  /** "05/03/2027 10:15:30" in Vietnam's time. */
  public static String time(Instant t) {
    return t == null ? "" : java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
        .format(t.atZone(EngineClock.ZONE));
  }

  /** After the current transaction commits (not at all if it rolls back); at once without one. */
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
    if (s.issuing()) {
      throw DomainException.conflict("Văn bản \"" + s.title() + "\" đang ký số, ban hành; tải lại sau ít phút.");
    }
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
    return jdbc.query("select " + COLUMNS + " from issued_document where status = ? and signer_user = ? and"
        + " prepared_digest is not null order by id", ROW, AWAITING, signerUser);
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
