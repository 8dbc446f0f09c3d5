-- Issue 19: TT25 Điều 6 khoản 5 điểm b and Điều 7 khoản 5 điểm b give a commune "thuộc vùng khó khăn" lower
-- thresholds for its citizens' training. Which communes are in a difficult area is defined outside the texts
-- available (TT25 Điều 2): it is data an administrator records per commune, shown as "chờ xác nhận văn bản".
alter table org_unit add column difficult_area boolean default false not null;
alter table org_unit add column difficult_area_basis varchar(500);
