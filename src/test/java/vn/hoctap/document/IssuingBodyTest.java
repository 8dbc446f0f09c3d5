package vn.hoctap.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.hoctap.org.OrgKind;

/** The issuing body in a document's header, for each kind of signer. */
class IssuingBodyTest {

  @Test
  void theCommitteeForItsChairmanTheEducationOfficeUnderItForItsHeadTheMinistryByName() {
    assertThat(RecognitionDocuments.issuingBody("Huyện Thanh Trì", OrgKind.DISTRICT, "signer"))
        .isEqualTo("Ủy ban nhân dân Huyện Thanh Trì");
    assertThat(RecognitionDocuments.issuingBody("Huyện Thanh Trì", OrgKind.DISTRICT, "director"))
        .isEqualTo("Ủy ban nhân dân Huyện Thanh Trì\nPhòng Giáo dục và Đào tạo");
    assertThat(RecognitionDocuments.issuingBody("Tỉnh Ninh Bình", OrgKind.PROVINCE, "director"))
        .isEqualTo("Ủy ban nhân dân Tỉnh Ninh Bình\nSở Giáo dục và Đào tạo");
    assertThat(RecognitionDocuments.issuingBody("Bộ Giáo dục và Đào tạo", OrgKind.NATION, "signer"))
        .isEqualTo("Bộ Giáo dục và Đào tạo");
  }
}
