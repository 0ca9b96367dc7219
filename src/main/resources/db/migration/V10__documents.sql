-- Documents (qualification and appeal materials): the metadata, the bytes in their own table, and
-- what uses each document. Owned by cn.emall.document.
--
-- A document's id is random (an anonymous applicant's upload must not be guessable). Its metadata
-- never changes once written; a document that something uses is never changed or deleted, and the
-- database itself refuses it, as it does for the ledger and the audit trail.

create table document (
    id                    uuid         primary key,
    filename              varchar(255) not null,
    content_type          varchar(64)  not null,
    size                  bigint       not null check (size > 0),
    sha256                char(64)     not null check (sha256 ~ '^[0-9a-f]{64}$'),
    kind                  varchar(64),
    uploaded_at           timestamptz  not null,
    uploader_role         varchar(16)  not null check (uploader_role in ('ANONYMOUS', 'SUPPLIER', 'OFFICER')),
    uploaded_by           varchar(64),
    uploader_supplier_id  bigint       references supplier (id),
    uploader_address      varchar(64),
    check ((uploader_role = 'SUPPLIER') = (uploader_supplier_id is not null)),
    check ((uploader_role = 'ANONYMOUS') = (uploaded_by is null))
);
-- The anonymous uploads of one client address in the last hour (the upload limit).
create index document_anonymous_address on document (uploader_address, uploaded_at) where uploader_role = 'ANONYMOUS';
-- Collecting what nothing uses.
create index document_uploaded_at on document (uploaded_at);
create index document_uploader_supplier on document (uploader_supplier_id) where uploader_supplier_id is not null;

-- The bytes, in parts of a fixed size (the last one shorter), so that no request or answer holds a
-- whole file in memory.
create table document_content (
    document_id  uuid    not null references document (id),
    part         integer not null check (part >= 0),
    bytes        bytea   not null,
    primary key (document_id, part)
);
-- The bytes are already compressed (PDF, JPEG, PNG, OFD): keep them out of line without compressing again.
alter table document_content alter column bytes set storage external;

-- What uses a document: an application or a go-live import (the supplier it admitted), an appeal, a
-- supplier's answer to a processing notice. Append-only.
create table document_use (
    id           bigserial   primary key,
    document_id  uuid        not null references document (id),
    supplier_id  bigint      not null references supplier (id),
    used_by      varchar(16) not null check (used_by in ('APPLICATION', 'IMPORT', 'APPEAL', 'NOTICE_RESPONSE')),
    subject_id   bigint      not null,
    used_at      timestamptz not null
);
create index document_use_document on document_use (document_id);
create index document_use_supplier on document_use (supplier_id);
-- A document admits one supplier at most: it may be named by one application or import only.
create unique index document_use_one_admission on document_use (document_id) where used_by in ('APPLICATION', 'IMPORT');

create trigger document_use_append_only before update or delete on document_use
    for each row execute function refuse_change();
create trigger document_use_no_truncate before truncate on document_use
    for each statement execute function refuse_change();

-- A document's metadata and bytes never change; a used one is never deleted.
create function refuse_change_of_document(document uuid, operation text, tbl text) returns void language plpgsql as $$
begin
    if operation = 'UPDATE' then
        raise exception '% is never changed: UPDATE refused', tbl using errcode = 'insufficient_privilege';
    end if;
    if exists (select 1 from document_use u where u.document_id = document) then
        raise exception 'document % is used: % of % refused', document, operation, tbl
            using errcode = 'insufficient_privilege';
    end if;
end;
$$;
create function document_unchanged() returns trigger language plpgsql as $$
begin
    perform refuse_change_of_document(old.id, tg_op, tg_table_name);
    return old;
end;
$$;
create function document_content_unchanged() returns trigger language plpgsql as $$
begin
    perform refuse_change_of_document(old.document_id, tg_op, tg_table_name);
    return old;
end;
$$;

create trigger document_unchanged before update or delete on document
    for each row execute function document_unchanged();
create trigger document_content_unchanged before update or delete on document_content
    for each row execute function document_content_unchanged();
create trigger document_no_truncate before truncate on document
    for each statement execute function refuse_change();
create trigger document_content_no_truncate before truncate on document_content
    for each statement execute function refuse_change();

-- The digest of each material as it was attached, so that the record of an application, an appeal
-- or an answer (and the audit trail, which copies it) shows the exact bytes a decision rested on.
-- Materials attached before documents were stored keep a null digest.
alter table supplier_material add column sha256 varchar(64) check (sha256 ~ '^[0-9a-f]{64}$');
alter table notice add column response_materials jsonb;
