-- The knowledge base lives next to the trackers, in its own database.
CREATE DATABASE careers_kb OWNER careerbot;
