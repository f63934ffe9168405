using Jiebang.Domain.Rounds;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jiebang.Web.Data.Migrations;

/// <summary>
/// The data steps of the Rounds_NoticeReadings migration: installed databases get what the seed
/// now says. Annex 2's area field takes open directions (the notice lists them with 等), and the
/// 2024 demand preset closes at the start of 15 April CST ("4月15日前", docs/forms.md). A row that
/// staff changed since it was seeded is left as it is.
/// </summary>
static class NoticeReadingsSql
{
    const string OldArea = """
              "taxonomyKey": "longquan-2024",
              "helpZh": "从本次征集的重点领域和方向中选择（通知第一条）。",
              "helpEn": "Choose from the key areas and directions of this call (notice §1)."
        """;

    const string NewArea = """
              "taxonomyKey": "longquan-2024",
              "openDirections": true,
              "helpZh": "选择本次征集的重点领域（通知第一条）；方向可从所列方向中选择，也可填写所列以外的方向（通知所列方向后有“等”字）。",
              "helpEn": "Choose a key area of this call (notice §1); pick from its listed directions or write your own (the notice lists them with 等)."
        """;

    static readonly DateTimeOffset OldClose = ChinaTime.At(2024, 4, 15, 23, 59), NewClose = ChinaTime.At(2024, 4, 15);

    static string Forms(string from, string to) =>
        $"""UPDATE "FormDefinitions" SET "Json" = replace("Json", '{from.Replace("'", "''")}', '{to.Replace("'", "''")}') WHERE "Key" = 'annex2' AND "Version" = 1""";

    static long Binary(DateTimeOffset at) => (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(at)!;

    static string Close(string from, string to) =>
        $"""UPDATE "Rounds" SET "ClosesAt" = {to} WHERE "PresetKey" = 'longquan-demand-2024' AND "ClosesAt" = {from}""";

    static string Timestamp(DateTimeOffset at) => $"'{at.UtcDateTime:yyyy-MM-dd HH:mm:ss}+00'::timestamptz";

    public static string[] SqliteUp => [Forms(OldArea, NewArea), Close(Binary(OldClose).ToString(), Binary(NewClose).ToString())];
    public static string[] SqliteDown => [Forms(NewArea, OldArea), Close(Binary(NewClose).ToString(), Binary(OldClose).ToString())];
    public static string[] PostgresUp => [Forms(OldArea, NewArea), Close(Timestamp(OldClose), Timestamp(NewClose))];
    public static string[] PostgresDown => [Forms(NewArea, OldArea), Close(Timestamp(NewClose), Timestamp(OldClose))];
}
