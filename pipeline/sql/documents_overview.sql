-- One line per article: its date and how many records of each kind were extracted.
SELECT
  d.doc_id,
  d.title,
  d.published,
  d.published_basis,
  length(d.text) AS characters,
  (SELECT count(*) FROM dates x WHERE x.doc_id = d.doc_id) AS dates,
  (SELECT count(*) FROM quotes x WHERE x.doc_id = d.doc_id) AS quotes,
  (SELECT count(*) FROM events x WHERE x.doc_id = d.doc_id) AS events,
  (SELECT count(*) FROM agreements x WHERE x.doc_id = d.doc_id) AS agreements,
  (SELECT count(*) FROM removals x WHERE x.doc_id = d.doc_id) AS removals
FROM documents d
ORDER BY d.doc_id;
