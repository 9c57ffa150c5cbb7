-- The nested lists travel as JSON text: DuckDB writes it in parallel and JSON.parse reads it
-- far faster than converting nested values one by one.
SELECT entity_kind, entity_id, name, subject, role, employee_no, parent_unit_id, parent_name, head_staff_id, head_name,
       to_json(ancestors)::VARCHAR AS ancestors, to_json(children)::VARCHAR AS children,
       to_json(members)::VARCHAR AS members, to_json(history)::VARCHAR AS history,
       to_json(postings)::VARCHAR AS postings, to_json(unlisted)::VARCHAR AS unlisted, to_json(ignored)::VARCHAR AS ignored,
       to_json(fines)::VARCHAR AS fines, to_json(fine_totals)::VARCHAR AS fine_totals,
       to_json(parts)::VARCHAR AS parts, to_json(child_scores)::VARCHAR AS child_scores
FROM site_entity_pages;
