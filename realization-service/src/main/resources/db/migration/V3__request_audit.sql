-- Who asked for each accepted write (sakip-security's RequestAudit): the token's subject.
create table request_audit (id bigserial primary key, at timestamptz not null default now(), subject text not null,
    roles text not null, token_agency text, agency text, method text not null, path text not null, status int not null);
create index request_audit_agency on request_audit (agency, id);
