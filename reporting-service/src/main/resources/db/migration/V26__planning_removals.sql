-- planning's removals (sakip.planning.sasaran.removed.v1, indicator.removed.v1,
-- target.removed.v1, pk.removed.v1). The removed facts leave the model; what stays is the
-- revision of each removal, so that an event older than it cannot bring them back, and so that
-- the documents the LKIP prints (rm_document: a PK version, an indicator's definition) are
-- hidden at a revision up to the removal's. planning re-creates a removed element with its old
-- id and a newer revision: that event applies as usual.
create table rm_removal (
    -- sasaran, indicator, target or pk
    kind        varchar(16)  not null check (kind in ('sasaran', 'indicator', 'target', 'pk')),
    -- sasaran or indicator id; a target "indicatorId/year"; a PK version "agency/year/version"
    -- (for indicator and pk, the rm_document key of the same kind)
    element_key varchar(200) not null,
    agency_code varchar(64)  not null,
    revision    bigint       not null,
    event_time  timestamptz  not null,
    primary key (kind, element_key)
);
