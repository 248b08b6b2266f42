-- Knowledge search that ranks the same on SQLite and PostgreSQL. The store writes `search_doc`:
-- an article's title, tags and content as normalised search terms (lower case, accents folded,
-- light stemming, stop words dropped: server/storage/knowledgetext.h), separated by single spaces.
-- `search_terms` holds exactly those terms as lexemes (array_to_tsvector does no parsing, no
-- dictionary), so both databases find the same candidates; the ranking itself is computed in C++
-- (server/storage/knowledgeranker.h). The 'simple' tsvector of 0001 parsed the raw text its own
-- way and is replaced. `review_note` keeps the reason a reviewer gave when sending an article back.
ALTER TABLE knowledge_articles DROP COLUMN search;
ALTER TABLE knowledge_articles ADD COLUMN search_doc text NOT NULL DEFAULT '';
ALTER TABLE knowledge_articles ADD COLUMN review_note text NOT NULL DEFAULT '';
ALTER TABLE knowledge_articles ADD COLUMN search_terms tsvector GENERATED ALWAYS AS (
    array_to_tsvector(array_remove(string_to_array(search_doc, ' '), ''))) STORED;
-- Kept in the row (compressed if need be) rather than moved out to TOAST: the search reads it for
-- every candidate, and a TOAST fetch per row tripled the time of a search on the default base.
ALTER TABLE knowledge_articles ALTER COLUMN search_terms SET STORAGE MAIN;
CREATE INDEX knowledge_terms_idx ON knowledge_articles USING gin (search_terms);
CREATE INDEX knowledge_language_idx ON knowledge_articles (language, status);
