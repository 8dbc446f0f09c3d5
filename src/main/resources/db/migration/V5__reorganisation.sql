-- Administrative reorganisation (RECOGNITION.md §4): a dissolved body stays in the tree's history, so that closed
-- dossiers and decisions keep the name they were decided under; its successor is where its children went.
alter table org_unit add column dissolved_at timestamp;
alter table org_unit add column successor_id bigint references org_unit (id);
