-- Quotations per speaker: how often each person or body is quoted, in how many
-- articles, and how many of the quotations are short fragments.
SELECT
  coalesce(speaker, '(unattributed)') AS speaker,
  count(*) AS quotes,
  count(*) FILTER (WHERE kind = 'fragment') AS fragments,
  count(DISTINCT doc_id) AS documents
FROM quotes
GROUP BY ALL
ORDER BY quotes DESC, speaker;
