-- Every unit and person with their name, so that "what changed" links to their pages.
SELECT entity_kind, entity_id, name FROM int_entities ORDER BY entity_kind, entity_id;
