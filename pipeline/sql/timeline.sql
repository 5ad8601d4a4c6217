-- Timeline of dated events: every event with a date, oldest first, with the sentence
-- that reports it and the article it comes from.
SELECT
  date,
  precision,
  basis,
  type,
  modality,
  array_to_string(actors, ';') AS actors,
  location,
  trigger,
  evidence,
  doc_id
FROM events
WHERE date IS NOT NULL
ORDER BY date, type, doc_id, start, "end", trigger;
