-- Run tracking: a run's parameters, each gate round with its metrics, and the progress lines it printed.
ALTER TABLE training_run ADD COLUMN seed BIGINT;
ALTER TABLE training_run ADD COLUMN data_dir VARCHAR(1000);
ALTER TABLE training_run ADD COLUMN code_version VARCHAR(100);
ALTER TABLE training_run ADD COLUMN actor VARCHAR(200);
-- The process and host that ran it, so a run left 'running' by a killed process can be shown as interrupted.
ALTER TABLE training_run ADD COLUMN pid BIGINT;
ALTER TABLE training_run ADD COLUMN host VARCHAR(200);

CREATE TABLE run_round (
  run_id       VARCHAR(64)  NOT NULL,
  seq          INTEGER      NOT NULL,
  model        VARCHAR(100) NOT NULL,
  recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  gate_passed  BOOLEAN      NOT NULL,
  seconds      DOUBLE PRECISION NOT NULL,
  detail_json  ${text}      NOT NULL,
  PRIMARY KEY (run_id, seq),
  FOREIGN KEY (run_id) REFERENCES training_run (id)
);

CREATE TABLE run_log (
  run_id  VARCHAR(64)   NOT NULL,
  seq     INTEGER       NOT NULL,
  at      TIMESTAMP WITH TIME ZONE NOT NULL,
  line    VARCHAR(4000) NOT NULL,
  PRIMARY KEY (run_id, seq),
  FOREIGN KEY (run_id) REFERENCES training_run (id)
);

CREATE INDEX model_version_run ON model_version (run_id);
