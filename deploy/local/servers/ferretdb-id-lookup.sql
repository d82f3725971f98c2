-- FerretDB 1.24's PostgreSQL backend pushes `{_id: v}` down as `_jsonb->'_id' @> v`, which its own btree
-- index on `_jsonb->'_id'` cannot answer: every read, update and upsert by _id scanned its whole collection
-- in PostgreSQL (1.3 ms of PostgreSQL CPU per lookup at 6k documents, growing with the collection;
-- docs/performance.md). A GIN index on the same expression answers `@>`. FerretDB creates a table per
-- collection on first write, so an event trigger indexes each new table; existing ones are indexed here.
-- Custom plans: FerretDB prepares its statements with the key as a parameter, and only a plan made for the
-- actual key can use an expression index. Idempotent: run at every start of the stack's FerretDB, it
-- does its work once.
\set ON_ERROR_STOP on

create or replace function labflow_ferretdb_id_lookup(tbl regclass) returns void language plpgsql as $$
begin
  -- FerretDB's collection tables have exactly one column, `_jsonb jsonb`
  if (select array_agg(attname::text || ':' || format_type(atttypid, atttypmod)) from pg_attribute
      where attrelid = tbl and attnum > 0 and not attisdropped) = array['_jsonb:jsonb'] then
    execute format('create index if not exists %I on %s using gin ((_jsonb -> ''_id'') jsonb_path_ops)',
      'labflow_id_lookup_' || tbl::oid, tbl);
  end if;
end $$;

create or replace function labflow_ferretdb_index_new_table() returns event_trigger language plpgsql as $$
declare created record;
begin
  for created in select objid from pg_event_trigger_ddl_commands() where object_type = 'table' loop
    perform labflow_ferretdb_id_lookup(created.objid::regclass);
  end loop;
end $$;

-- Once, when the trigger is installed: the tables that existed before it, and the database's plan mode.
do $$
begin
  if not exists (select 1 from pg_event_trigger where evtname = 'labflow_ferretdb_id_lookup') then
    create event trigger labflow_ferretdb_id_lookup on ddl_command_end when tag in ('CREATE TABLE')
      execute function labflow_ferretdb_index_new_table();
    perform labflow_ferretdb_id_lookup(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\_%';
    execute format('alter database %I set plan_cache_mode = force_custom_plan', current_database());
  end if;
end $$;
