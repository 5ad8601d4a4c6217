-- Events per month and PLOVER type.
-- Month is the first 7 characters of the event date when it is at least month-precise;
-- year-, season-, decade- or century-precise and undated events are counted under
-- their own label so that no event is silently dropped.
SELECT
  CASE
    WHEN date IS NULL THEN 'undated'
    WHEN precision IN ('day', 'month') THEN substr(date, 1, 7)
    ELSE date || ' (' || precision || ')'
  END AS month,
  type,
  count(*) AS events,
  count(DISTINCT doc_id) AS documents
FROM events
GROUP BY ALL
ORDER BY month, type;
