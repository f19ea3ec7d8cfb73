-- assignment.yaml's "score: after-due": students see their scores, tests and feedback once it is due.
ALTER TABLE assignment ADD COLUMN score_after_due BOOLEAN DEFAULT FALSE NOT NULL;
