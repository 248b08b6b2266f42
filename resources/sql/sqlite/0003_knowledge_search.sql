-- Knowledge search that ranks the same on SQLite and PostgreSQL. The store writes `search_doc`:
-- an article's title, tags and content as normalised search terms (lower case, accents folded,
-- light stemming, stop words dropped: server/storage/knowledgetext.h), separated by single spaces.
-- Each database indexes exactly those terms to find candidates; the ranking itself is computed in
-- C++ (server/storage/knowledgeranker.h). The FTS5 table of 0001 tokenised the raw text its own
-- way and is replaced. `review_note` keeps the reason a reviewer gave when sending an article back.
DROP TRIGGER knowledge_fts_insert;
DROP TRIGGER knowledge_fts_delete;
DROP TRIGGER knowledge_fts_update;
DROP TABLE knowledge_fts;
ALTER TABLE knowledge_articles ADD COLUMN search_doc text NOT NULL DEFAULT '';
ALTER TABLE knowledge_articles ADD COLUMN review_note text NOT NULL DEFAULT '';
CREATE VIRTUAL TABLE knowledge_search USING fts5(
    search_doc, content='knowledge_articles', content_rowid='id', tokenize='ascii');
CREATE TRIGGER knowledge_search_insert AFTER INSERT ON knowledge_articles BEGIN
    INSERT INTO knowledge_search (rowid, search_doc) VALUES (new.id, new.search_doc);
END;
CREATE TRIGGER knowledge_search_delete AFTER DELETE ON knowledge_articles BEGIN
    INSERT INTO knowledge_search (knowledge_search, rowid, search_doc) VALUES ('delete', old.id, old.search_doc);
END;
CREATE TRIGGER knowledge_search_update AFTER UPDATE OF search_doc ON knowledge_articles BEGIN
    INSERT INTO knowledge_search (knowledge_search, rowid, search_doc) VALUES ('delete', old.id, old.search_doc);
    INSERT INTO knowledge_search (rowid, search_doc) VALUES (new.id, new.search_doc);
END;
INSERT INTO knowledge_search (knowledge_search) VALUES ('rebuild');
CREATE INDEX knowledge_language_idx ON knowledge_articles (language, status);
