-- What has been removed from an agency's plan and not re-created since. Re-creating a removed
-- element by code (a PUT, an import of the plan document) gives it back its id and continues
-- its revision past the removal's: consumers keep the newest revision of each element, so the
-- removal and the re-creation reach them in an order they can tell apart.
create table removal (
    agency_id  uuid         not null references agency (id),
    -- sasaran, indicator, target or pk (a Perjanjian Kinerja version)
    kind       varchar(16)  not null check (kind in ('sasaran', 'indicator', 'target', 'pk')),
    -- the element's code: sasaran or indicator code, target "IK5/2023", pk "2023/2"
    element    varchar(140) not null,
    -- the id the element had
    element_id uuid         not null,
    -- the revision the removal event carried
    revision   bigint       not null,
    removed_at timestamptz  not null,
    primary key (agency_id, kind, element)
);
