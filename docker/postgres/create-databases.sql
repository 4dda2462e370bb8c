-- Each subgraph keeps its data in a database of its own, as a country team running its own
-- PostgreSQL would; run once by the postgres image when its data directory is first created.
CREATE DATABASE membership;
CREATE DATABASE knowledge;
CREATE DATABASE forums;
CREATE DATABASE denmark;
