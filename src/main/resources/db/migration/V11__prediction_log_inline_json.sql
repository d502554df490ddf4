-- The prediction log's JSON columns are short (findings and a top-k output): keep them in the row. On H2 a CLOB
-- is stored apart and copied on every insert (a third of the log writer's time at 5,000 predictions/s);
-- ${json} is CHARACTER VARYING there (up to 1,000,000 characters) and TEXT (unchanged) on PostgreSQL.
ALTER TABLE prediction_log ALTER COLUMN findings_json SET DATA TYPE ${json};
ALTER TABLE prediction_log ALTER COLUMN output_json SET DATA TYPE ${json};
