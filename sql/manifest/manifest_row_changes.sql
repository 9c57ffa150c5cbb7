-- Rows added, changed (another content hash) and removed since the site this build replaces, by
-- table and ID; a row is described as it is now, a removed one as it was.
SELECT coalesce(n.table_name, o.table_name) AS table_name,
       coalesce(n.id, o.id) AS id,
       CASE WHEN o.id IS NULL THEN 'added' WHEN n.id IS NULL THEN 'removed' ELSE 'changed' END AS change,
       CASE WHEN n.id IS NULL THEN o."date" ELSE n."date" END AS "date",
       CASE WHEN n.id IS NULL THEN o.subject ELSE n.subject END AS subject
FROM manifest_rows n
FULL OUTER JOIN previous_manifest_rows o ON o.table_name = n.table_name AND o.id = n.id
WHERE n.id IS NULL OR o.id IS NULL OR n.hash IS DISTINCT FROM o.hash
ORDER BY table_name, id;
