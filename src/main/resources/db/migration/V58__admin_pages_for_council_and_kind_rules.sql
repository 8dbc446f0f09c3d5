-- Issue 19, "configurable data gets admin pages": the appraisal council rule (V50) and the dossier-kind figures (V51)
-- are edited in hoctap's pages (/quan-tri/hoi-dong-danh-gia, /quan-tri/loai-ho-so). Each row gets a version, so of
-- two administrators editing one row at once the first wins and the second is told; one council rule per province
-- (the national default is the row without a province).
alter table appraisal_council_rule add column version bigint default 0 not null;
alter table dossier_kind_rule add column version bigint default 0 not null;
create unique index appraisal_council_rule_org on appraisal_council_rule (org_id);
