namespace Jiebang.Web.Data.Migrations;

/// <summary>
/// The data step of the Lists_ReachedBureau migration: a demand's reached-the-bureau marker, from the rule that
/// Features/Access/DemandPolicy read from the versions and events until then (Demand.ReachesBureau): waiting for
/// the bureau (forwarded, or submitted without a recommending unit), submitted without a recommending unit, or
/// forwarded or accepted once. The time is the first direct version's, else the first forward or acceptance, else
/// the last change. The same SQL runs on both providers (statuses as stored: 1 Submitted, 3 ForwardedToBureau, 6 Accepted).
/// </summary>
static class ReachedBureauSql
{
    const string Versions = """SELECT 1 FROM "DemandVersions" v WHERE v."DemandId" = "Demands"."Id" """;
    const string ForwardedOrAccepted = """SELECT 1 FROM "DemandEvents" e WHERE e."DemandId" = "Demands"."Id" AND e."To" IN (3, 6)""";

    public const string Up = $"""
        UPDATE "Demands" SET "ReachedBureauAt" = COALESCE(
            CASE WHEN "RecommenderUnitId" IS NULL
                THEN (SELECT MIN(v."SubmittedAt") FROM "DemandVersions" v WHERE v."DemandId" = "Demands"."Id") END,
            (SELECT MIN(e."At") FROM "DemandEvents" e WHERE e."DemandId" = "Demands"."Id" AND e."To" IN (3, 6)),
            "UpdatedAt")
        WHERE "Status" = 3
            OR ("Status" = 1 AND "RecommenderUnitId" IS NULL)
            OR ("RecommenderUnitId" IS NULL AND EXISTS ({Versions}))
            OR EXISTS ({ForwardedOrAccepted})
        """;
}
