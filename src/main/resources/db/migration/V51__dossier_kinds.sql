-- Issue 19 part 5: three kinds of dossier (công nhận lần đầu, công nhận lại, công nhận nâng mức độ), checked when
-- the dossier is opened. Dossiers opened before this migration were first recognitions or level-2 upgrades; they
-- keep FIRST (the level-2 ones are marked UPGRADE below), which no rule re-checks against them retroactively.
alter table dossier add column kind varchar(20) default 'FIRST' not null;
update dossier set kind = 'UPGRADE' where level = 2;

-- The figures of the kind rules, per title, with their article. confirmed = false: no official text settles the
-- value (LEGAL-TEXTS.md), so it is shown as "chờ xác nhận văn bản" and an administrator may change it.
create table dossier_kind_rule (
  title varchar(40) not null,
  parameter varchar(40) not null,
  rule_value varchar(40) not null,
  legal_source varchar(500) not null,
  confirmed boolean not null,
  note varchar(1000),
  primary key (title, parameter)
);

insert into dossier_kind_rule (title, parameter, rule_value, legal_source, confirmed, note) values
('LEARNING_UNIT', 'UPGRADE_WAIT_MONTHS', '12',
 'Thông tư 24/2023/TT-BGDĐT, Điều 5 khoản 3 (cấp huyện), Điều 11 khoản 3 (cấp tỉnh)', true,
 'sau ít nhất 1 năm (12 tháng) kể từ ngày ra quyết định công nhận có thể đề nghị đánh giá, công nhận nâng mức độ 2'),
('LEARNING_UNIT', 'RETENTION_MONTHS', '36',
 'Thông tư 24/2023/TT-BGDĐT, Điều 5 khoản 4 (cấp huyện), Điều 11 khoản 4 (cấp tỉnh)', true,
 'Kết quả công nhận được bảo lưu trong thời hạn 03 năm (36 tháng) tiếp theo năm được công nhận'),
('LEARNING_UNIT', 'RETENTION_BASE_YEAR', 'ASSESSMENT_YEAR',
 'Thông tư 24/2023/TT-BGDĐT, Điều 5 khoản 4, Điều 11 khoản 4: "tiếp theo năm được công nhận"', false,
 'Năm được công nhận là năm đánh giá (ASSESSMENT_YEAR) hay năm ra quyết định (DECISION_YEAR): văn bản chưa nói rõ'),
('LEARNING_COMMUNITY', 'UPGRADE_WAIT_MONTHS', '12',
 'Thông tư 25/2023/TT-BGDĐT, Điều 5, 10, 15 khoản 3 (không có trong bản văn bản hiện có; nguồn thứ cấp)', false,
 'Mặc định 12 tháng như Thông tư 24/2023'),
('LEARNING_COMMUNITY', 'RETENTION_MONTHS', '36',
 'Thông tư 25/2023/TT-BGDĐT, Điều 5, 10, 15 khoản 4', true,
 'Kết quả công nhận được bảo lưu trong thời hạn 3 năm (36 tháng) tiếp theo năm được công nhận'),
('LEARNING_COMMUNITY', 'RETENTION_BASE_YEAR', 'ASSESSMENT_YEAR',
 'Thông tư 25/2023/TT-BGDĐT, Điều 5, 10, 15 khoản 4: "tiếp theo năm được công nhận"', false,
 'Năm được công nhận là năm đánh giá (ASSESSMENT_YEAR) hay năm ra quyết định (DECISION_YEAR): văn bản chưa nói rõ'),
('LEARNING_COMMUNITY', 'COMMUNE_UPGRADE_SAME_PROCEDURE', 'true',
 'Thông tư 25/2023/TT-BGDĐT, Điều 9 khoản 4 (chỉ nêu công nhận lại; Điều 14, 19 khoản 4 nêu cả nâng mức độ)', false,
 'Cấp xã nâng mức độ theo cùng quy trình (mặc định); false: không nhận hồ sơ nâng mức độ cấp xã');
