package vn.hoctap.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.criteria.CriteriaFixtures.BUNDLED;
import static vn.hoctap.criteria.CriteriaFixtures.allMet;
import static vn.hoctap.criteria.CriteriaFixtures.set;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.hoctap.criteria.IndicatorResult.Outcome;
import vn.hoctap.org.UnitKind;
import vn.hoctap.org.UnitProfile;

/**
 * Every indicator of every tier and level at its boundary, as the texts write it (TT24 Điều 6, 7, 12, 13; TT25 Điều
 * 6, 7, 11, 12, 16, 17). The table below is written from the texts, not from the data files: each line names the
 * set, the indicator, its article, and what the text asks — "yes" (a condition: Có passes, Không fails), "90%" (90 %
 * passes, 89.9 % fails), "50%|40%" (the second threshold for a commune in a difficult area), "count 4" (4 passes, 3
 * fails), "title …" and "digital …" (that level passes, the one below fails), "increase"/"decrease" (a change the
 * right way passes; equal, and a change the wrong way, fail). The data must say the same, and every indicator of
 * the data must have its line.
 */
class CriteriaBoundaryTest {

  static final String TABLE = """
      tt24-district-l1 | TC1.CT1    | Điều 6, khoản 1, điểm a                                   | yes
      tt24-district-l1 | TC1.CT2    | Điều 6, khoản 1, điểm b                                   | yes
      tt24-district-l1 | TC1.CT2.MN | Điều 6, khoản 1, điểm b                                   | yes
      tt24-district-l1 | TC1.CT3    | Điều 6, khoản 1, điểm c                                   | yes
      tt24-district-l1 | TC1.CT4    | Điều 6, khoản 1, điểm d                                   | yes
      tt24-district-l1 | TC1.CT5    | Điều 6, khoản 1, điểm đ                                   | yes
      tt24-district-l1 | TC2.CT1    | Điều 6, khoản 2, điểm a                                   | 90%
      tt24-district-l1 | TC2.CT2    | Điều 6, khoản 2, điểm b                                   | 90%
      tt24-district-l1 | TC2.CT3    | Điều 6, khoản 2, điểm c                                   | 90%
      tt24-district-l1 | TC2.CT4    | Điều 6, khoản 2, điểm d                                   | 50%
      tt24-district-l1 | TC2.CT5    | Điều 6, khoản 2, điểm đ                                   | 90%
      tt24-district-l1 | TC3.CT1    | Điều 6, khoản 3, điểm a                                   | 90%
      tt24-district-l1 | TC3.CT1.HS | Điều 6, khoản 3, điểm a                                   | 95%
      tt24-district-l1 | TC3.CT2    | Điều 6, khoản 3, điểm b                                   | yes
      tt24-district-l1 | TC3.CT2.MN | Điều 6, khoản 3, điểm b                                   | yes
      tt24-district-l1 | TC3.CT3    | Điều 6, khoản 3, điểm c                                   | title TAP_THE_LAO_DONG_TIEN_TIEN
      tt24-district-l1 | TC3.CT4    | Điều 6, khoản 3, điểm d                                   | digital BASIC
      tt24-district-l1 | TC3.CT5    | Điều 6, khoản 3, điểm đ                                   | yes
      tt24-district-l2 | TC1.CT1    | Điều 7, khoản 1 (nội dung tại Điều 6, khoản 1, điểm a)    | yes
      tt24-district-l2 | TC1.CT2    | Điều 7, khoản 1 (nội dung tại Điều 6, khoản 1, điểm b)    | yes
      tt24-district-l2 | TC1.CT2.MN | Điều 7, khoản 1 (nội dung tại Điều 6, khoản 1, điểm b)    | yes
      tt24-district-l2 | TC1.CT3    | Điều 7, khoản 1 (nội dung tại Điều 6, khoản 1, điểm c)    | yes
      tt24-district-l2 | TC1.CT4    | Điều 7, khoản 1 (nội dung tại Điều 6, khoản 1, điểm d)    | yes
      tt24-district-l2 | TC1.CT5    | Điều 7, khoản 1 (nội dung tại Điều 6, khoản 1, điểm đ)    | yes
      tt24-district-l2 | TC2.CT1    | Điều 7, khoản 2, điểm a                                   | 95%
      tt24-district-l2 | TC2.CT2    | Điều 7, khoản 2, điểm b                                   | 95%
      tt24-district-l2 | TC2.CT3    | Điều 7, khoản 2, điểm c                                   | 95%
      tt24-district-l2 | TC2.CT4    | Điều 7, khoản 2, điểm d                                   | 70%
      tt24-district-l2 | TC2.CT5    | Điều 7, khoản 2, điểm đ                                   | 95%
      tt24-district-l2 | TC3.CT1    | Điều 7, khoản 3, điểm a                                   | 95%
      tt24-district-l2 | TC3.CT1.HS | Điều 7, khoản 3, điểm a                                   | 97%
      tt24-district-l2 | TC3.CT2    | Điều 7, khoản 3, điểm b                                   | yes
      tt24-district-l2 | TC3.CT2.MN | Điều 7, khoản 3, điểm b                                   | yes
      tt24-district-l2 | TC3.CT3    | Điều 7, khoản 3, điểm c                                   | title TAP_THE_LAO_DONG_TIEN_TIEN
      tt24-district-l2 | TC3.CT4    | Điều 7, khoản 3, điểm d                                   | digital GOOD
      tt24-district-l2 | TC3.CT5    | Điều 7, khoản 3, điểm đ                                   | yes
      tt24-province-l1 | TC1.CT1    | Điều 12, khoản 1 (nội dung tại Điều 6, khoản 1, điểm a)   | yes
      tt24-province-l1 | TC1.CT2    | Điều 12, khoản 1 (nội dung tại Điều 6, khoản 1, điểm b)   | yes
      tt24-province-l1 | TC1.CT3    | Điều 12, khoản 1 (nội dung tại Điều 6, khoản 1, điểm c)   | yes
      tt24-province-l1 | TC1.CT4    | Điều 12, khoản 1 (nội dung tại Điều 6, khoản 1, điểm d)   | yes
      tt24-province-l1 | TC1.CT5    | Điều 12, khoản 1 (nội dung tại Điều 6, khoản 1, điểm đ)   | yes
      tt24-province-l1 | TC2.CT1    | Điều 12, khoản 2 (nội dung tại Điều 6, khoản 2, điểm a)   | 90%
      tt24-province-l1 | TC2.CT2    | Điều 12, khoản 2 (nội dung tại Điều 6, khoản 2, điểm b)   | 90%
      tt24-province-l1 | TC2.CT3    | Điều 12, khoản 2 (nội dung tại Điều 6, khoản 2, điểm c)   | 90%
      tt24-province-l1 | TC2.CT4    | Điều 12, khoản 2 (nội dung tại Điều 6, khoản 2, điểm d)   | 50%
      tt24-province-l1 | TC2.CT5    | Điều 12, khoản 2 (nội dung tại Điều 6, khoản 2, điểm đ)   | 90%
      tt24-province-l1 | TC3.CT1    | Điều 12, khoản 3, điểm a                                  | 90%
      tt24-province-l1 | TC3.CT1.HS | Điều 12, khoản 3, điểm a                                  | 95%
      tt24-province-l1 | TC3.CT2    | Điều 12, khoản 3, điểm b                                  | yes
      tt24-province-l1 | TC3.CT3    | Điều 12, khoản 3, điểm c                                  | title TAP_THE_LAO_DONG_TIEN_TIEN
      tt24-province-l1 | TC3.CT4    | Điều 12, khoản 3, điểm d                                  | digital BASIC
      tt24-province-l1 | TC3.CT5    | Điều 12, khoản 3, điểm đ                                  | digital BASIC
      tt24-province-l1 | TC3.CT6    | Điều 12, khoản 3, điểm e                                  | yes
      tt24-province-l2 | TC1.CT1    | Điều 13, khoản 1 (nội dung tại Điều 6, khoản 1, điểm a)   | yes
      tt24-province-l2 | TC1.CT2    | Điều 13, khoản 1 (nội dung tại Điều 6, khoản 1, điểm b)   | yes
      tt24-province-l2 | TC1.CT3    | Điều 13, khoản 1 (nội dung tại Điều 6, khoản 1, điểm c)   | yes
      tt24-province-l2 | TC1.CT4    | Điều 13, khoản 1 (nội dung tại Điều 6, khoản 1, điểm d)   | yes
      tt24-province-l2 | TC1.CT5    | Điều 13, khoản 1 (nội dung tại Điều 6, khoản 1, điểm đ)   | yes
      tt24-province-l2 | TC2.CT1    | Điều 13, khoản 2 (nội dung tại Điều 7, khoản 2, điểm a)   | 95%
      tt24-province-l2 | TC2.CT2    | Điều 13, khoản 2 (nội dung tại Điều 7, khoản 2, điểm b)   | 95%
      tt24-province-l2 | TC2.CT3    | Điều 13, khoản 2 (nội dung tại Điều 7, khoản 2, điểm c)   | 95%
      tt24-province-l2 | TC2.CT4    | Điều 13, khoản 2 (nội dung tại Điều 7, khoản 2, điểm d)   | 70%
      tt24-province-l2 | TC2.CT5    | Điều 13, khoản 2 (nội dung tại Điều 7, khoản 2, điểm đ)   | 95%
      tt24-province-l2 | TC3.CT1    | Điều 13, khoản 3, điểm a                                  | 95%
      tt24-province-l2 | TC3.CT1.HS | Điều 13, khoản 3, điểm a                                  | 97%
      tt24-province-l2 | TC3.CT2    | Điều 13, khoản 3, điểm b                                  | yes
      tt24-province-l2 | TC3.CT3    | Điều 13, khoản 3, điểm c                                  | title TAP_THE_LAO_DONG_TIEN_TIEN
      tt24-province-l2 | TC3.CT4    | Điều 13, khoản 3, điểm d                                  | digital GOOD
      tt24-province-l2 | TC3.CT5    | Điều 13, khoản 3, điểm đ                                  | digital GOOD
      tt24-province-l2 | TC3.CT6    | Điều 13, khoản 3, điểm e                                  | yes
      tt25-commune-l1  | TC1.CT1    | Điều 6, khoản 1, điểm a                                   | yes
      tt25-commune-l1  | TC1.CT2    | Điều 6, khoản 1, điểm b                                   | yes
      tt25-commune-l1  | TC1.CT3    | Điều 6, khoản 1, điểm c                                   | yes
      tt25-commune-l1  | TC2.CT1    | Điều 6, khoản 2, điểm a                                   | yes
      tt25-commune-l1  | TC2.CT2    | Điều 6, khoản 2, điểm b                                   | yes
      tt25-commune-l1  | TC2.CT3    | Điều 6, khoản 2, điểm c                                   | yes
      tt25-commune-l1  | TC3.CT1    | Điều 6, khoản 3, điểm a                                   | yes
      tt25-commune-l1  | TC3.CT2    | Điều 6, khoản 3, điểm b                                   | yes
      tt25-commune-l1  | TC3.CT3    | Điều 6, khoản 3, điểm c                                   | yes
      tt25-commune-l1  | TC4.CT1    | Điều 6, khoản 4, điểm a                                   | yes
      tt25-commune-l1  | TC4.CT2    | Điều 6, khoản 4, điểm b                                   | yes
      tt25-commune-l1  | TC4.CT3    | Điều 6, khoản 4, điểm c                                   | yes
      tt25-commune-l1  | TC4.CT4    | Điều 6, khoản 4, điểm d                                   | yes
      tt25-commune-l1  | TC5.CT1    | Điều 6, khoản 5, điểm a                                   | 60%
      tt25-commune-l1  | TC5.CT2    | Điều 6, khoản 5, điểm b                                   | 50%|40%
      tt25-commune-l1  | TC5.CT2.DH | Điều 6, khoản 5, điểm b                                   | 12%|10%
      tt25-commune-l2  | TC1.CT1    | Điều 7, khoản 1 (nội dung tại Điều 6, khoản 1, điểm a)    | yes
      tt25-commune-l2  | TC1.CT2    | Điều 7, khoản 1 (nội dung tại Điều 6, khoản 1, điểm b)    | yes
      tt25-commune-l2  | TC1.CT3    | Điều 7, khoản 1 (nội dung tại Điều 6, khoản 1, điểm c)    | yes
      tt25-commune-l2  | TC2.CT1    | Điều 7, khoản 2 (nội dung tại Điều 6, khoản 2, điểm a)    | yes
      tt25-commune-l2  | TC2.CT2    | Điều 7, khoản 2 (nội dung tại Điều 6, khoản 2, điểm b)    | yes
      tt25-commune-l2  | TC2.CT3    | Điều 7, khoản 2 (nội dung tại Điều 6, khoản 2, điểm c)    | yes
      tt25-commune-l2  | TC3.CT1    | Điều 7, khoản 3 (nội dung tại Điều 6, khoản 3, điểm a)    | yes
      tt25-commune-l2  | TC3.CT2    | Điều 7, khoản 3 (nội dung tại Điều 6, khoản 3, điểm b)    | yes
      tt25-commune-l2  | TC3.CT3    | Điều 7, khoản 3 (nội dung tại Điều 6, khoản 3, điểm c)    | yes
      tt25-commune-l2  | TC4.CT1    | Điều 7, khoản 4, điểm a                                   | yes
      tt25-commune-l2  | TC4.CT2    | Điều 7, khoản 4, điểm b                                   | yes
      tt25-commune-l2  | TC4.CT3    | Điều 7, khoản 4, điểm c                                   | yes
      tt25-commune-l2  | TC4.CT4    | Điều 7, khoản 4, điểm d                                   | yes
      tt25-commune-l2  | TC5.CT1    | Điều 7, khoản 5, điểm a                                   | 80%
      tt25-commune-l2  | TC5.CT2    | Điều 7, khoản 5, điểm b                                   | 60%|50%
      tt25-commune-l2  | TC5.CT2.DH | Điều 7, khoản 5, điểm b                                   | 15%|12%
      tt25-district-l1 | TC1.CT1    | Điều 11, khoản 1, điểm a                                  | yes
      tt25-district-l1 | TC1.CT2    | Điều 11, khoản 1, điểm b                                  | yes
      tt25-district-l1 | TC1.CT3    | Điều 11, khoản 1, điểm c                                  | yes
      tt25-district-l1 | TC2.CT1    | Điều 11, khoản 2, điểm a                                  | yes
      tt25-district-l1 | TC2.CT2    | Điều 11, khoản 2, điểm b                                  | yes
      tt25-district-l1 | TC2.CT3    | Điều 11, khoản 2, điểm c                                  | yes
      tt25-district-l1 | TC2.CT4    | Điều 11, khoản 2, điểm d                                  | yes
      tt25-district-l1 | TC3.CT1    | Điều 11, khoản 3, điểm a                                  | yes
      tt25-district-l1 | TC3.CT2    | Điều 11, khoản 3, điểm b                                  | yes
      tt25-district-l1 | TC3.CT3    | Điều 11, khoản 3, điểm c                                  | yes
      tt25-district-l1 | TC4.CT1    | Điều 11, khoản 4, điểm a                                  | 90%
      tt25-district-l1 | TC4.CT2    | Điều 11, khoản 4, điểm b                                  | increase
      tt25-district-l1 | TC4.CT3    | Điều 11, khoản 4, điểm c                                  | increase
      tt25-district-l2 | TC1.CT1    | Điều 12, khoản 1 (nội dung tại Điều 11, khoản 1, điểm a)  | yes
      tt25-district-l2 | TC1.CT2    | Điều 12, khoản 1 (nội dung tại Điều 11, khoản 1, điểm b)  | yes
      tt25-district-l2 | TC1.CT3    | Điều 12, khoản 1 (nội dung tại Điều 11, khoản 1, điểm c)  | yes
      tt25-district-l2 | TC2.CT1    | Điều 12, khoản 2 (nội dung tại Điều 11, khoản 2, điểm a)  | yes
      tt25-district-l2 | TC2.CT2    | Điều 12, khoản 2 (nội dung tại Điều 11, khoản 2, điểm b)  | yes
      tt25-district-l2 | TC2.CT3    | Điều 12, khoản 2 (nội dung tại Điều 11, khoản 2, điểm c)  | yes
      tt25-district-l2 | TC2.CT4    | Điều 12, khoản 2 (nội dung tại Điều 11, khoản 2, điểm d)  | yes
      tt25-district-l2 | TC3.CT1    | Điều 12, khoản 3 (nội dung tại Điều 11, khoản 3, điểm a)  | yes
      tt25-district-l2 | TC3.CT2    | Điều 12, khoản 3 (nội dung tại Điều 11, khoản 3, điểm b)  | yes
      tt25-district-l2 | TC3.CT3    | Điều 12, khoản 3 (nội dung tại Điều 11, khoản 3, điểm c)  | yes
      tt25-district-l2 | TC4.CT1    | Điều 12, khoản 4, điểm a                                  | 90%
      tt25-district-l2 | TC4.CT2    | Điều 12, khoản 4, điểm b                                  | increase
      tt25-district-l2 | TC4.CT3    | Điều 12, khoản 4, điểm c                                  | increase
      tt25-province-l1 | TC1.CT1    | Điều 16, khoản 1, điểm a                                  | yes
      tt25-province-l1 | TC1.CT2    | Điều 16, khoản 1, điểm b                                  | yes
      tt25-province-l1 | TC1.CT3    | Điều 16, khoản 1, điểm c                                  | yes
      tt25-province-l1 | TC2.CT1    | Điều 16, khoản 2, điểm a                                  | yes
      tt25-province-l1 | TC2.CT2    | Điều 16, khoản 2, điểm b                                  | yes
      tt25-province-l1 | TC2.CT3    | Điều 16, khoản 2, điểm c                                  | yes
      tt25-province-l1 | TC2.CT4    | Điều 16, khoản 2, điểm d                                  | yes
      tt25-province-l1 | TC2.CT5    | Điều 16, khoản 2, điểm đ                                  | yes
      tt25-province-l1 | TC3.CT1    | Điều 16, khoản 3, điểm a                                  | yes
      tt25-province-l1 | TC3.CT2    | Điều 16, khoản 3, điểm b                                  | yes
      tt25-province-l1 | TC3.CT3    | Điều 16, khoản 3, điểm c                                  | yes
      tt25-province-l1 | TC3.CT4    | Điều 16, khoản 3, điểm d                                  | count 4
      tt25-province-l1 | TC3.CT5    | Điều 16, khoản 3, điểm đ                                  | count 4
      tt25-province-l1 | TC3.CT5.HL | Điều 16, khoản 3, điểm đ                                  | yes
      tt25-province-l1 | TC4.CT1    | Điều 16, khoản 4, điểm a                                  | 90%
      tt25-province-l1 | TC4.CT2    | Điều 16, khoản 4, điểm b                                  | decrease
      tt25-province-l1 | TC4.CT3    | Điều 16, khoản 4, điểm c                                  | increase
      tt25-province-l2 | TC1.CT1    | Điều 17, khoản 1 (nội dung tại Điều 16, khoản 1, điểm a)  | yes
      tt25-province-l2 | TC1.CT2    | Điều 17, khoản 1 (nội dung tại Điều 16, khoản 1, điểm b)  | yes
      tt25-province-l2 | TC1.CT3    | Điều 17, khoản 1 (nội dung tại Điều 16, khoản 1, điểm c)  | yes
      tt25-province-l2 | TC2.CT1    | Điều 17, khoản 2 (nội dung tại Điều 16, khoản 2, điểm a)  | yes
      tt25-province-l2 | TC2.CT2    | Điều 17, khoản 2 (nội dung tại Điều 16, khoản 2, điểm b)  | yes
      tt25-province-l2 | TC2.CT3    | Điều 17, khoản 2 (nội dung tại Điều 16, khoản 2, điểm c)  | yes
      tt25-province-l2 | TC2.CT4    | Điều 17, khoản 2 (nội dung tại Điều 16, khoản 2, điểm d)  | yes
      tt25-province-l2 | TC2.CT5    | Điều 17, khoản 2 (nội dung tại Điều 16, khoản 2, điểm đ)  | yes
      tt25-province-l2 | TC3.CT1    | Điều 17, khoản 3 (nội dung tại Điều 16, khoản 3, điểm a)  | yes
      tt25-province-l2 | TC3.CT2    | Điều 17, khoản 3 (nội dung tại Điều 16, khoản 3, điểm b)  | yes
      tt25-province-l2 | TC3.CT3    | Điều 17, khoản 3 (nội dung tại Điều 16, khoản 3, điểm c)  | yes
      tt25-province-l2 | TC3.CT4    | Điều 17, khoản 3 (nội dung tại Điều 16, khoản 3, điểm d)  | count 4
      tt25-province-l2 | TC3.CT5    | Điều 17, khoản 3 (nội dung tại Điều 16, khoản 3, điểm đ)  | count 4
      tt25-province-l2 | TC3.CT5.HL | Điều 17, khoản 3 (nội dung tại Điều 16, khoản 3, điểm đ)  | yes
      tt25-province-l2 | TC4.CT1    | Điều 17, khoản 4, điểm a                                  | 90%
      tt25-province-l2 | TC4.CT2    | Điều 17, khoản 4, điểm b                                  | decrease
      tt25-province-l2 | TC4.CT3    | Điều 17, khoản 4, điểm c                                  | increase
      """;

  record Expectation(String set, String code, String article, String rule) {
    String circular() {
      return set.startsWith("tt24") ? "TT24" : "TT25";
    }
  }

  static List<Expectation> table() {
    List<Expectation> out = new ArrayList<>();
    for (String line : TABLE.strip().split("\n")) {
      String[] p = line.split("\\|", 4);
      out.add(new Expectation(p[0].strip(), p[1].strip(), p[2].strip(), p[3].strip()));
    }
    return out;
  }

  private final CriteriaEvaluator evaluator = new CriteriaEvaluator();

  @Test
  void everyIndicatorOfTheDataHasItsLineAndEveryLineItsIndicator() {
    Set<String> inData = new LinkedHashSet<>();
    BUNDLED.forEach(s -> s.indicators().forEach(i -> inData.add(s.code() + " " + i.code())));
    Set<String> inTable = new LinkedHashSet<>();
    table().forEach(e -> inTable.add(e.set() + " " + e.code()));
    assertThat(inTable).containsExactlyElementsOf(inData);
    assertThat(inTable).hasSize(162);
  }

  @TestFactory
  Stream<DynamicTest> everyIndicatorAtItsBoundary() {
    return table().stream().map(e -> DynamicTest.dynamicTest(e.circular() + " " + e.article() + " — " + e.code()
        + " (" + e.set() + "): " + words(e.rule()), () -> check(e)));
  }

  private static String words(String rule) {
    if (rule.equals("yes")) {
      return "Có đạt, Không không đạt";
    }
    if (rule.endsWith("%")) {
      String[] t = rule.split("\\|");
      String normal = t[0].replace("%", "");
      String s = normal + " % đạt, " + below(normal) + " % không đạt";
      if (t.length > 1) {
        String d = t[1].replace("%", "");
        s += "; xã thuộc vùng khó khăn: " + d + " % đạt, " + below(d) + " % không đạt";
      }
      return s;
    }
    if (rule.startsWith("count ")) {
      int n = Integer.parseInt(rule.substring(6));
      return n + " đạt, " + (n - 1) + " không đạt";
    }
    if (rule.startsWith("title ")) {
      return "“Tập thể lao động tiên tiến” đạt, chưa có danh hiệu không đạt";
    }
    if (rule.startsWith("digital ")) {
      return DigitalLevel.valueOf(rule.substring(8)).label() + " đạt, mức dưới không đạt";
    }
    return rule.equals("increase") ? "tăng đạt; bằng năm trước hoặc giảm không đạt"
        : "giảm đạt; bằng năm trước hoặc tăng không đạt";
  }

  private static String below(String percent) {
    return (Integer.parseInt(percent) * 10 - 1) / 10 + "," + (Integer.parseInt(percent) * 10 - 1) % 10;
  }

  private void check(Expectation e) {
    CriteriaSet s = set(e.set());
    Indicator i = s.indicator(e.code()).orElseThrow();
    assertThat(i.source()).as("the data cites the article").endsWith(e.article());
    assertThat(i.confirmed()).as("the text settles the indicator").isTrue();
    String r = e.rule();
    if (r.equals("yes")) {
      assertThat(i.rule()).isEqualTo(RuleKind.BOOLEAN);
      expect(s, i, applicableUnit(s, i), IndicatorInput.ofYes(true), Outcome.MET);
      expect(s, i, applicableUnit(s, i), IndicatorInput.ofYes(false), Outcome.NOT_MET);
    } else if (r.endsWith("%")) {
      assertThat(i.rule()).isEqualTo(RuleKind.PERCENT_AT_LEAST);
      String[] t = r.split("\\|");
      percentBoundary(s, i, applicableUnit(s, i), Integer.parseInt(t[0].replace("%", "")));
      if (t.length > 1) {
        assertThat(s.tier()).isEqualTo(UnitKind.Tier.COMMUNE);
        percentBoundary(s, i, UnitProfile.commune(true), Integer.parseInt(t[1].replace("%", "")));
      } else {
        assertThat(i.difficultAreaThreshold()).isNull();
      }
    } else if (r.startsWith("count ")) {
      assertThat(i.rule()).isEqualTo(RuleKind.COUNT_AT_LEAST);
      int n = Integer.parseInt(r.substring(6));
      expect(s, i, applicableUnit(s, i), IndicatorInput.ofCount(n), Outcome.MET);
      expect(s, i, applicableUnit(s, i), IndicatorInput.ofCount(n - 1), Outcome.NOT_MET);
    } else if (r.startsWith("title ")) {
      assertThat(i.rule()).isEqualTo(RuleKind.EMULATION_TITLE_AT_LEAST);
      expect(s, i, applicableUnit(s, i), IndicatorInput.ofChoice(r.substring(6)), Outcome.MET);
      expect(s, i, applicableUnit(s, i), IndicatorInput.ofChoice(EmulationTitle.NONE.name()), Outcome.NOT_MET);
    } else if (r.startsWith("digital ")) {
      assertThat(i.rule()).isEqualTo(RuleKind.DIGITAL_LEVEL_AT_LEAST);
      DigitalLevel level = DigitalLevel.valueOf(r.substring(8));
      expect(s, i, applicableUnit(s, i), IndicatorInput.ofChoice(level.name()), Outcome.MET);
      expect(s, i, applicableUnit(s, i), IndicatorInput.ofChoice(DigitalLevel.values()[level.ordinal() - 1].name()),
          Outcome.NOT_MET);
    } else {
      assertThat(i.rule()).isEqualTo(RuleKind.YEAR_ON_YEAR);
      boolean up = r.equals("increase");
      UnitProfile unit = applicableUnit(s, i);
      expect(s, i, unit, IndicatorInput.ofYears(up ? "10.1" : "9.9", "10"), Outcome.MET);
      // equal is not an increase (nor a decrease)
      expect(s, i, unit, IndicatorInput.ofYears("10", "10.0"), Outcome.NOT_MET);
      expect(s, i, unit, IndicatorInput.ofYears(up ? "9.9" : "10.1", "10"), Outcome.NOT_MET);
    }
  }

  /** t % passes, t − 0.1 % fails (t × 10 − 1 of 1000). */
  private void percentBoundary(CriteriaSet s, Indicator i, UnitProfile unit, int t) {
    expect(s, i, unit, IndicatorInput.ofCounts(t, 100), Outcome.MET);
    expect(s, i, unit, IndicatorInput.ofCounts(t * 10L - 1, 1000), Outcome.NOT_MET);
  }

  private void expect(CriteriaSet s, Indicator i, UnitProfile unit, IndicatorInput value, Outcome expected) {
    Map<String, IndicatorInput> values = allMet(s, unit);
    values.put(i.code(), value);
    EvaluationResult r = evaluator.evaluate(s, unit, values);
    assertThat(r.indicator(i.code()).outcome()).as(i.code() + " with " + value).isEqualTo(expected);
    assertThat(r.outcome()).isEqualTo(expected == Outcome.MET ? EvaluationResult.Outcome.MET
        : EvaluationResult.Outcome.NOT_MET);
    if (expected == Outcome.NOT_MET) {
      assertThat(r.summary()).contains(i.code());
    }
  }

  /** A unit the indicator applies to: a government of the tier, or the first unit kind of the tier that fits. */
  static UnitProfile applicableUnit(CriteriaSet s, Indicator i) {
    if (s.title().equals(CriteriaSet.LEARNING_COMMUNITY)) {
      return UnitProfile.government(s.tier());
    }
    for (UnitKind k : UnitKind.values()) {
      UnitProfile p = new UnitProfile(k, true);
      if (k.assessmentTier() == s.tier() && i.appliesTo(p)) {
        return p;
      }
    }
    throw new AssertionError("no unit kind of " + s.tier() + " to which " + i.code() + " applies");
  }
}
