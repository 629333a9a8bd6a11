// Directive Graph — constraints and indexes. Applied idempotently at every start and in test setup.
// Statements are separated by semicolons at the end of a line.

// Every text node (implementing Document or normative Regulation, stub or full) carries :Directive.
// Identity: normalized code + issue date (+ province for non-central issuers), or a content hash when the
// text prints no code — composed into `uid` by the extractor's identity rules.
CREATE CONSTRAINT directive_uid IF NOT EXISTS FOR (d:Directive) REQUIRE d.uid IS UNIQUE;
CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (o:Organization) REQUIRE o.key IS UNIQUE;
CREATE CONSTRAINT level_key IF NOT EXISTS FOR (l:Level) REQUIRE l.key IS UNIQUE;
// One graph-version node (graph/graph-version.ts), even when two first writes MERGE it at once.
CREATE CONSTRAINT graph_version_key IF NOT EXISTS FOR (v:GraphVersion) REQUIRE v.key IS UNIQUE;

// Lookups
CREATE INDEX directive_code IF NOT EXISTS FOR (d:Directive) ON (d.code);
CREATE INDEX directive_issued IF NOT EXISTS FOR (d:Directive) ON (d.issuedOn);
CREATE INDEX directive_province IF NOT EXISTS FOR (d:Directive) ON (d.province);
CREATE INDEX directive_type IF NOT EXISTS FOR (d:Directive) ON (d.type);
CREATE INDEX directive_content_hash IF NOT EXISTS FOR (d:Directive) ON (d.contentHash);
// The GraphQL layer queries the concrete labels (Document, Regulation) of the Directive interface:
// without these its generated MATCH (:Document) WHERE uid = … would scan every document.
CREATE INDEX document_uid IF NOT EXISTS FOR (d:Document) ON (d.uid);
CREATE INDEX regulation_uid IF NOT EXISTS FOR (d:Regulation) ON (d.uid);
CREATE INDEX document_code IF NOT EXISTS FOR (d:Document) ON (d.code);
CREATE INDEX regulation_code IF NOT EXISTS FOR (d:Regulation) ON (d.code);
CREATE INDEX document_province IF NOT EXISTS FOR (d:Document) ON (d.province);
CREATE INDEX document_issued IF NOT EXISTS FOR (d:Document) ON (d.issuedOn);
CREATE INDEX organization_name IF NOT EXISTS FOR (o:Organization) ON (o.name);
CREATE INDEX organization_province IF NOT EXISTS FOR (o:Organization) ON (o.province);
// Cursor pages in order of issue (`directivesPage(sort: [{ issuedOn: ASC }, { uid: ASC }])`, graph/queries/keyset.ts):
// a page is read off this index from its cursor on and stops after its rows, instead of sorting every directive.
CREATE INDEX directive_issued_uid IF NOT EXISTS FOR (d:Directive) ON (d.issuedOn, d.uid);
// The gap list's order (graph/queries/analytics.ts): a page is read off this index, in its order, and stops after its
// rows. By `sortKey`, the name's place in Vietnamese alphabetical order (graph/sort-key.ts; the name itself sorts by code
// point: "Ủy ban …" and "Đảng ủy …" after "Văn phòng …"); organisations stored before it existed are given theirs when
// the schema is applied (graph/schema.ts). The key too, which decides between equal names: with (levelRank, sortKey)
// alone Neo4j sorted each page's rows by key (PartialTop), and charged every row it kept with the statement's map of
// gaps — a national root's first page of 200 needed 391 MB of transaction memory, more than a 512 MB heap allows, and
// a page 20 000 rows down more than a 1 GB heap allows; read off this index, 6 MB whatever the page.
DROP INDEX organization_order IF EXISTS;
DROP INDEX organization_sort IF EXISTS;
CREATE INDEX organization_page IF NOT EXISTS FOR (o:Organization) ON (o.levelRank, o.sortKey, o.key);

// A document owns the edges it states (evidenceUid); re-ingesting it finds its inferred links by this index.
CREATE INDEX implements_evidence IF NOT EXISTS FOR ()-[r:IMPLEMENTS]-() ON (r.evidenceUid);

// Gone: an index on `codeKey`, a property nothing ever wrote (an empty index that every first load still built).
DROP INDEX directive_code_key IF EXISTS;

// Diacritic-insensitive full-text search: `searchText` holds the folded (no diacritics, lower case) code, type,
// title, province and issuer of a directive, the name and province of an organization; search folds the query the
// same way (graph/queries/search.ts), so queries with or without diacritics match. The raw code, title and name are
// not indexed as well: a folded query never matches their words with diacritics, and their other words are in
// `searchText` already (indexing them twice cost a national first load ≈ 0.9 s; eleventh session).
CREATE FULLTEXT INDEX directive_search IF NOT EXISTS FOR (d:Directive) ON EACH [d.searchText];
CREATE FULLTEXT INDEX organization_search IF NOT EXISTS FOR (o:Organization) ON EACH [o.searchText];
