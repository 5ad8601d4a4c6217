-- Agreements per status and policy domain. An agreement covering several domains is
-- counted once in each; one without a domain is counted under '(none)'.
WITH exploded AS (
  SELECT status, unnest(CASE WHEN len(domains) = 0 THEN ['(none)'] ELSE domains END) AS domain, doc_id
  FROM agreements
)
SELECT status, domain, count(*) AS agreements, count(DISTINCT doc_id) AS documents
FROM exploded
GROUP BY ALL
ORDER BY status, domain;
