namespace Jiebang.Web.Data.Migrations;

/// <summary>
/// SQLite's index for the inbox's text search (Lists_ReachedBureau): an FTS5 table with the trigram tokenizer, case kept,
/// over the demands' name and search text, which finds a text of three or more characters exactly where instr() would
/// (a phrase of trigrams is a substring). It holds no copy of the text (content='Demands'); triggers keep it in step.
/// A later migration that rebuilds the Demands table drops the triggers with it and must make them again
/// (InboxOrderAndSearchTests fails if they are missing).
/// </summary>
static class DemandSearchSql
{
    const string Delete = """INSERT INTO "DemandSearch"("DemandSearch", rowid, "Title", "SearchText") VALUES ('delete', old."Id", old."Title", old."SearchText");""";
    const string Insert = """INSERT INTO "DemandSearch"(rowid, "Title", "SearchText") VALUES (new."Id", new."Title", new."SearchText");""";

    public static string[] Up =>
    [
        """CREATE VIRTUAL TABLE "DemandSearch" USING fts5("Title", "SearchText", content='Demands', content_rowid='Id', tokenize='trigram case_sensitive 1')""",
        $"""CREATE TRIGGER "Demands_Search_Insert" AFTER INSERT ON "Demands" BEGIN {Insert} END""",
        $"""CREATE TRIGGER "Demands_Search_Delete" AFTER DELETE ON "Demands" BEGIN {Delete} END""",
        $"""CREATE TRIGGER "Demands_Search_Update" AFTER UPDATE OF "Title", "SearchText" ON "Demands" BEGIN {Delete} {Insert} END""",
        """INSERT INTO "DemandSearch"("DemandSearch") VALUES ('rebuild')""",
    ];

    public static string[] Down =>
    [
        """DROP TRIGGER IF EXISTS "Demands_Search_Update" """,
        """DROP TRIGGER IF EXISTS "Demands_Search_Delete" """,
        """DROP TRIGGER IF EXISTS "Demands_Search_Insert" """,
        """DROP TABLE IF EXISTS "DemandSearch" """,
    ];
}
