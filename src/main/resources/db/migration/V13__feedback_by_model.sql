-- Live accuracy reads the newest feedback of one model each minute. Joining from prediction_log by model made the
-- planner walk every logged prediction of that model (millions after a busy day) to find a few feedback rows.
-- Feedback now carries its prediction's model, with an index in reading order, so the query starts from the
-- (small) feedback table and reaches each prediction by its primary key.
ALTER TABLE prediction_feedback ADD COLUMN model_name VARCHAR(100);
UPDATE prediction_feedback SET model_name = (SELECT p.model_name FROM prediction_log p WHERE p.id = prediction_feedback.prediction_id);
CREATE INDEX prediction_feedback_model ON prediction_feedback (model_name, created_at);
