-- A share item's base figure (e.g. the employees) frozen with its value at the final score, so a final page shows
-- "2 / 1,200" as it was scored rather than the value alone.
alter table std_score add column computed_base bigint;
