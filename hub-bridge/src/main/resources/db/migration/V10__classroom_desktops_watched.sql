-- Whether the class's teacher may watch a student's desktop, read-only, from the class page (issue 18).
ALTER TABLE classroom ADD COLUMN desktops_watched BOOLEAN DEFAULT FALSE NOT NULL;
