package vn.hoctap.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.hoctap.org.OrgKind;

/**
 * How NĐ 30/2020 writes dates, numbers, places and citations; the issuer of each kind of signer; and the public
 * address a production start needs.
 */
class Nd30Test {

  @Test
  void aZeroBeforeDaysOneToNineAndMonthsOneAndTwoOnly() {
    assertThat(Nd30.date(LocalDate.of(2027, 3, 5))).isEqualTo("ngày 05 tháng 3 năm 2027");
    assertThat(Nd30.date(LocalDate.of(2027, 1, 12))).isEqualTo("ngày 12 tháng 01 năm 2027");
    assertThat(Nd30.date(LocalDate.of(2027, 2, 1))).isEqualTo("ngày 01 tháng 02 năm 2027");
    assertThat(Nd30.date(LocalDate.of(2026, 12, 25))).isEqualTo("ngày 25 tháng 12 năm 2026");
    assertThat(Nd30.date(LocalDate.of(2026, 10, 9))).isEqualTo("ngày 09 tháng 10 năm 2026");
    assertThat(Nd30.placeAndDate("Thanh Trì", LocalDate.of(2027, 3, 5)))
        .isEqualTo("Thanh Trì, ngày 05 tháng 3 năm 2027");
  }

  @Test
  void numbersBelowTenGetAZero() {
    assertThat(Nd30.numberLine("5/QĐ-UBND")).isEqualTo("Số: 05/QĐ-UBND");
    assertThat(Nd30.number("12/QĐ-UBND")).isEqualTo("12/QĐ-UBND");
    assertThat(Nd30.number("05/QĐ-UBND")).isEqualTo("05/QĐ-UBND");
    assertThat(Nd30.number("GCN-2026-1")).isEqualTo("GCN-2026-1");
  }

  @Test
  void thePlaceIsTheAdministrativeUnitsOwnName() {
    assertThat(Nd30.place("Huyện Thanh Trì")).isEqualTo("Thanh Trì");
    assertThat(Nd30.place("Thành phố Hà Nội")).isEqualTo("Hà Nội");
    assertThat(Nd30.place("Xã Tả Thanh Oai")).isEqualTo("Tả Thanh Oai");
    assertThat(Nd30.place("Bộ Giáo dục và Đào tạo")).isEqualTo("Hà Nội");
  }

  @Test
  void circularsAreCitedWithTheirOwnDatesFromTheCriteriaData() {
    assertThat(LegalBases.citation("Thông tư 24/2023/TT-BGDĐT ngày 11/12/2023")).isEqualTo("Thông tư số"
        + " 24/2023/TT-BGDĐT ngày 11 tháng 12 năm 2023 của Bộ trưởng Bộ Giáo dục và Đào tạo ban hành Quy định về đánh"
        + " giá, công nhận “Đơn vị học tập” cấp huyện, tỉnh");
    assertThat(LegalBases.citation("Thông tư 25/2023/TT-BGDĐT ngày 27/12/2023")).startsWith("Thông tư số"
        + " 25/2023/TT-BGDĐT ngày 27 tháng 12 năm 2023 của Bộ trưởng").endsWith("“Cộng đồng học tập” cấp xã, huyện,"
        + " tỉnh");
    assertThat(LegalBases.citation("một văn bản khác")).isEqualTo("một văn bản khác");
  }

  @Test
  void theIssuerOfEachKindOfSigner() {
    Issuer chairman = Issuer.of(1, "HN-TT", "Huyện Thanh Trì", OrgKind.DISTRICT, "signer");
    assertThat(chairman.superior()).isNull();
    assertThat(chairman.body()).isEqualTo("Ủy ban nhân dân huyện Thanh Trì");
    assertThat(chairman.authority()).isEqualTo("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN THANH TRÌ");
    assertThat(chairman.block()).containsExactly("Chủ tịch");
    assertThat(chairman.place()).isEqualTo("Thanh Trì");
    Issuer director = Issuer.of(2, "NB", "Tỉnh Ninh Bình", OrgKind.PROVINCE, "director");
    assertThat(director.superior()).isEqualTo("Ủy ban nhân dân tỉnh Ninh Bình");
    assertThat(director.body()).isEqualTo("Sở Giáo dục và Đào tạo");
    assertThat(director.authority()).isEqualTo("GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO");
    assertThat(director.block()).containsExactly("Giám đốc");
    Issuer ministry = Issuer.of(3, "BGDDT", "Bộ Giáo dục và Đào tạo", OrgKind.NATION, "signer");
    assertThat(ministry.authority()).isEqualTo("BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO");
    assertThat(ministry.place()).isEqualTo("Hà Nội");
  }

  @Test
  void productionRefusesToStartWithoutAPublicAddress() {
    assertThatThrownBy(() -> PublicUrl.check("", new String[] {"production", "postgres"}))
        .hasMessageContaining("hoctap.public-url chưa được cấu hình");
    assertThatThrownBy(() -> PublicUrl.check("hoctap.gov.vn", new String[] {"demo"}))
        .hasMessageContaining("địa chỉ tuyệt đối");
    PublicUrl.check("", new String[] {"demo"});
    PublicUrl.check("https://hoctap.hanoi.gov.vn", new String[] {"production"});
  }
}
