-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,
    "stories" INTEGER NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- hand-written: the words of published stories, kept by PostgreSQL itself.

-- The distinct words of a story as written ('simple': lower case, no stemming,
-- so a suggestion is a word a reader can read), without numbers, addresses and
-- words of one or two letters.
CREATE FUNCTION "story_words"(title TEXT, dek TEXT, body TEXT) RETURNS SETOF TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT word FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig, concat_ws(' ', title, dek, body)))) AS word
    WHERE char_length(word) BETWEEN 3 AND 40 AND word !~ '[[:digit:][:punct:]]'
$$;

-- Adds (or with a negative delta takes away) stories from words' counts, in
-- word order so that two publications never deadlock on the words they share;
-- a word no published story uses any more is removed.
CREATE FUNCTION "add_search_words"(words TEXT[], deltas INTEGER[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO "SearchWord" (word, stories)
    SELECT word, delta FROM unnest(words, deltas) AS change(word, delta) ORDER BY word
    ON CONFLICT (word) DO UPDATE SET stories = "SearchWord".stories + EXCLUDED.stories;
    DELETE FROM "SearchWord" WHERE word = ANY (words) AND stories <= 0;
$$;

-- After each statement on "Article": the words of stories that became public
-- are counted in, those of stories that stopped being public (unpublished,
-- deleted, or edited while published: old text out, new text in) are counted
-- out. One set-based pass per statement, so a bulk load costs one pass; a
-- statement that changes no public text (a draft's autosave, the editor's
-- heartbeat) writes nothing.
CREATE FUNCTION "count_search_words"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    words TEXT[];
    deltas INTEGER[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(word), array_agg(delta) INTO words, deltas FROM (
            SELECT w.word, count(*)::int AS delta
            FROM new_rows a CROSS JOIN LATERAL "story_words"(a.title, a.dek, a."bodyText") AS w(word)
            WHERE a.status = 'PUBLISHED' AND a."deletedAt" IS NULL
            GROUP BY w.word
        ) counted;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(word), array_agg(delta) INTO words, deltas FROM (
            SELECT w.word, -count(*)::int AS delta
            FROM old_rows a CROSS JOIN LATERAL "story_words"(a.title, a.dek, a."bodyText") AS w(word)
            WHERE a.status = 'PUBLISHED' AND a."deletedAt" IS NULL
            GROUP BY w.word
        ) counted;
    ELSE
        WITH changed AS (
            SELECT o.title AS old_title, o.dek AS old_dek, o."bodyText" AS old_body,
                   n.title AS new_title, n.dek AS new_dek, n."bodyText" AS new_body,
                   (o.status = 'PUBLISHED' AND o."deletedAt" IS NULL) AS was_public,
                   (n.status = 'PUBLISHED' AND n."deletedAt" IS NULL) AS is_public
            FROM old_rows o JOIN new_rows n ON n.id = o.id
        ), public_text_changed AS (
            SELECT * FROM changed
            WHERE was_public <> is_public
               OR (is_public AND (old_title, old_dek, old_body) IS DISTINCT FROM (new_title, new_dek, new_body))
        )
        SELECT array_agg(word), array_agg(delta) INTO words, deltas FROM (
            SELECT word, sum(delta)::int AS delta FROM (
                SELECT w.word, -1 AS delta
                FROM public_text_changed c CROSS JOIN LATERAL "story_words"(c.old_title, c.old_dek, c.old_body) AS w(word)
                WHERE c.was_public
                UNION ALL
                SELECT w.word, 1 AS delta
                FROM public_text_changed c CROSS JOIN LATERAL "story_words"(c.new_title, c.new_dek, c.new_body) AS w(word)
                WHERE c.is_public
            ) per_story
            GROUP BY word
            HAVING sum(delta) <> 0
        ) counted;
    END IF;
    IF words IS NOT NULL THEN
        PERFORM "add_search_words"(words, deltas);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Article_search_words_insert"
    AFTER INSERT ON "Article" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "count_search_words"();

CREATE TRIGGER "Article_search_words_update"
    AFTER UPDATE ON "Article" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "count_search_words"();

CREATE TRIGGER "Article_search_words_delete"
    AFTER DELETE ON "Article" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "count_search_words"();

-- TRUNCATE fires no row triggers: start the word list over with the stories.
CREATE FUNCTION "clear_search_words"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "SearchWord";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Article_search_words_truncate"
    AFTER TRUNCATE ON "Article"
    FOR EACH STATEMENT EXECUTE FUNCTION "clear_search_words"();

-- The stories already published.
INSERT INTO "SearchWord" (word, stories)
SELECT w.word, count(*)::int
FROM "Article" a CROSS JOIN LATERAL "story_words"(a.title, a.dek, a."bodyText") AS w(word)
WHERE a.status = 'PUBLISHED' AND a."deletedAt" IS NULL
GROUP BY w.word;
