-- Occurrences (real-world events grouped across articles) per PLOVER type.
-- For each type: how many distinct occurrences, how many of them more than one
-- article reports, how many event mentions they group (checked against the events
-- table through events.occurrence_id), how many carry a date, and the span of
-- publication dates over which the type was reported.
SELECT
  o.type,
  count(*) AS occurrences,
  count(*) FILTER (WHERE o.articles > 1) AS reported_by_several_articles,
  sum(o.mentions) AS mentions,
  (SELECT count(*) FROM events e WHERE e.type = o.type AND e.occurrence_id IS NOT NULL) AS linked_events,
  count(o.date) AS dated,
  max(o.articles) AS max_articles,
  min(o.first_report) AS first_report,
  max(o.last_report) AS last_report
FROM occurrences o
GROUP BY o.type
ORDER BY occurrences DESC, o.type;
