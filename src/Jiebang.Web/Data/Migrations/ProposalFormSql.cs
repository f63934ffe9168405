namespace Jiebang.Web.Data.Migrations;

/// <summary>
/// The shipped central guidance round gains the proposal form (申报书) before annex 4's two tables, which
/// move with it from the demand round to the proposal call; an installed preset still listing only the two
/// tables is moved, one staff have changed is left alone. The same SQL serves both providers.
/// </summary>
static class ProposalFormSql
{
    const string Before = """["annex4-table@1","annex4-performance@1"]""";
    const string After = """["proposal@1","annex4-table@1","annex4-performance@1"]""";

    public static readonly string Up =
        $"""UPDATE "Rounds" SET "Forms" = '{After}' WHERE "PresetKey" = 'central-guidance-2024' AND "Forms" = '{Before}';""";

    public static readonly string Down =
        $"""UPDATE "Rounds" SET "Forms" = '{Before}' WHERE "PresetKey" = 'central-guidance-2024' AND "Forms" = '{After}';""";
}
