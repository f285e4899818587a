-- Whole documents the LKIP prints, as their producers published them: plan sections (profile,
-- organisation, personnel, renstra), the province's RPJMD, Perjanjian Kinerja versions, full
-- indicator definitions (formulas of the IKU) and budget lines with outputs, links and the
-- percentages their source stated. The newest revision of each document is kept.
create table rm_document (
    kind        varchar(32)  not null,
    doc_key     varchar(200) not null,
    agency_code varchar(64),
    content     text         not null,
    revision    bigint       not null,
    event_time  timestamptz  not null,
    primary key (kind, doc_key)
);
create index rm_document_agency on rm_document (agency_code, kind);
