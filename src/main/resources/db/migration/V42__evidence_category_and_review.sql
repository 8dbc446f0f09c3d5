-- Minh chứng in the browser (issue 17 item 4): what a whole-dossier file is (tờ trình, báo cáo tự đánh giá, biên
-- bản họp, khác), and the reviewer's marking of each file ("phù hợp" / "không phù hợp" with a reason). The marking
-- is part of the record: it is also written to the dossier's history.
alter table evidence add column category varchar(30);
alter table evidence add column review_verdict varchar(20);
alter table evidence add column review_reason varchar(2000);
alter table evidence add column reviewed_by varchar(100);
alter table evidence add column reviewed_at timestamp;
