namespace Jiebang.Web.Data.Migrations;

/// <summary>
/// Sent_BatchSentTo's backfill of <c>ProposalBatches.SentToUnitId</c> for batches submitted before it was kept, in SQL
/// that SQLite and PostgreSQL both run. Whom a batch went to is first read where its proposals went: a proposal the
/// batch forwarded has its next level's row at the unit above (none: it went to the bureau). A batch none of whose
/// proposals still shows that (each came back to the level since) takes the levels as stored now
/// (<see cref="Jiebang.Domain.Proposals.Recommendation.RecommendationLevels"/>: a county's science bureau sends to the approved
/// science bureau of its city, the lowest id when there are several; every other unit to the bureau).
/// </summary>
public static class SentToBackfill
{
    public const string Sql = """
        UPDATE "ProposalBatches" SET "SentToUnitId" = CASE
            WHEN EXISTS (SELECT 1 FROM "ProposalLevels" l
                         WHERE l."UnitId" = "ProposalBatches"."UnitId" AND l."BatchId" = "ProposalBatches"."Id" AND l."ForwardedAt" IS NOT NULL)
            THEN (SELECT MIN(n."UnitId") FROM "ProposalLevels" l
                  JOIN "ProposalLevels" n ON n."ProposalId" = l."ProposalId" AND n."Level" = l."Level" + 1
                  WHERE l."UnitId" = "ProposalBatches"."UnitId" AND l."BatchId" = "ProposalBatches"."Id" AND l."ForwardedAt" IS NOT NULL)
            ELSE (SELECT MIN(a."Id") FROM "Units" u
                  JOIN "Units" a ON a."Type" = 8 AND a."Status" = 1 AND a."Id" <> u."Id" AND a."RegionCode" = substr(u."RegionCode", 1, 4) || '00'
                  WHERE u."Id" = "ProposalBatches"."UnitId" AND u."Type" = 8 AND length(u."RegionCode") = 6 AND u."RegionCode" NOT LIKE '%00')
        END
        WHERE "SubmittedAt" IS NOT NULL;
        """;
}
