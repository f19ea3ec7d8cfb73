-- The language the box last spoke to each person in (their browser's, or the one they chose), for
-- what it writes while they are away: the feedback pages of their graded assignments.
ALTER TABLE account ADD COLUMN language VARCHAR(16);
