-- Văn bản điện tử issued after the decision commits: the decision's transaction records only the request (the row,
-- AWAITING_SIGNATURE, its number and check code, and the text to lay out as JSON); the layout, the prepared PDF and
-- a server-side signature are made right after the commit, outside the locks of the decision and of its register.
-- layout_text: the OfficialText (JSON) to lay out; place and seal_name: the place of signing and the body whose seal
-- is printed, with issuer_org_code the code of that body's seal image; prepared_pdf and prepared_digest stay empty
-- until the layout is made. claimed_at: when a node started laying out or signing the row (a node that stops
-- half-way leaves it, and another node takes it over after a while).
alter table issued_document add column layout_text varchar(1000000);
alter table issued_document add column place varchar(300);
alter table issued_document add column seal_name varchar(500);
alter table issued_document add column issuer_org_code varchar(100);
alter table issued_document add column claimed_at timestamp;
alter table issued_document alter column prepared_pdf drop not null;
alter table issued_document alter column prepared_digest drop not null;
