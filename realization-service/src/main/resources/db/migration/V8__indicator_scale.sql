-- The plan's ordered scale of an ordinal indicator, lowest first (planning's indicator.defined.v1,
-- "scale"), so that a grade indicator takes a level of its own scale whatever its unit is
-- (issue 23); null where the plan states none. Each level is at most 32 characters (it is kept in
-- realisasi.value_text, varchar(32)); the service refuses a scale that breaks this.
alter table indicator_ref add column scale jsonb
    check (scale is null or (jsonb_typeof(scale) = 'array' and octet_length(scale::text) <= 4000));
