-- A migration of a LearnBox newer than this one (SchemaGuardTest).
CREATE TABLE from_the_future (id INT PRIMARY KEY);
