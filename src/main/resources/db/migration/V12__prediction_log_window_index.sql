-- The monitoring window (newest / first N predictions of one model version) read from an index in order,
-- instead of sorting every row of the model (a full scan per model each minute, growing with traffic).
-- Queries order by all four columns so both H2 and PostgreSQL walk the index (forwards or backwards).
CREATE INDEX prediction_log_window ON prediction_log (model_name, model_version, created_at, id);
DROP INDEX prediction_log_model;
