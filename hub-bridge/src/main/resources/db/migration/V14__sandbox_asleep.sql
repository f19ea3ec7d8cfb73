-- When the learner's sandbox was put to sleep (frozen with its kernels), or null when it is not asleep.
ALTER TABLE sandbox ADD COLUMN asleep_since TIMESTAMP WITH TIME ZONE;
