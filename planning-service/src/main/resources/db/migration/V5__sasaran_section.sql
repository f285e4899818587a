-- The sasaran with the tujuan each serves, kept and published as a plan section for the LKIP's
-- Tabel 2.1 (sasaran.upserted.v1 does not carry the link).
alter table plan_section drop constraint plan_section_section_check;
alter table plan_section add constraint plan_section_section_check
    check (section in ('profile', 'organisation', 'personnel', 'renstra', 'sasaran'));
