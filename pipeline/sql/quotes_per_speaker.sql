-- Quotations per speaker: how often each person or body is quoted, in how many
-- articles, and how many of the quotations are short fragments. A speaker linked to an
-- entity is counted under the entity's name, so the ways articles write one person
-- (`Poutine`, `Vladimir Poutine`) make one row.
SELECT
  coalesce(e.name, q.speaker, '(unattributed)') AS speaker,
  count(*) AS quotes,
  count(*) FILTER (WHERE q.kind = 'fragment') AS fragments,
  count(DISTINCT q.doc_id) AS documents
FROM quotes q
LEFT JOIN entities e ON e.id = q.speaker_id
GROUP BY ALL
ORDER BY quotes DESC, speaker;
