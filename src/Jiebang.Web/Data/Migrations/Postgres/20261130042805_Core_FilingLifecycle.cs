using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiebang.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Core_FilingLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Attachments",
                type: "integer",
                nullable: true);

            // A withdrawn demand was stored as a draft whose last step was Submitted → Draft: it is Withdrawn now,
            // and so are the steps into and out of that state in its history.
            migrationBuilder.Sql("""
                UPDATE "DemandEvents" SET "From" = 7
                WHERE "From" = 0 AND EXISTS (
                    SELECT 1 FROM "DemandEvents" p
                    WHERE p."DemandId" = "DemandEvents"."DemandId" AND p."From" = 1 AND p."To" = 0
                      AND p."Id" = (SELECT MAX(q."Id") FROM "DemandEvents" q
                                    WHERE q."DemandId" = "DemandEvents"."DemandId" AND q."Id" < "DemandEvents"."Id"));
                """);
            migrationBuilder.Sql("""UPDATE "DemandEvents" SET "To" = 7 WHERE "From" = 1 AND "To" = 0;""");
            migrationBuilder.Sql("""
                UPDATE "Demands" SET "Status" = 7
                WHERE "Status" = 0 AND EXISTS (
                    SELECT 1 FROM "DemandEvents" e
                    WHERE e."DemandId" = "Demands"."Id" AND e."To" = 7
                      AND e."Id" = (SELECT MAX(m."Id") FROM "DemandEvents" m WHERE m."DemandId" = "Demands"."Id"));
                """);
            // Stamped scans made before scans named their version were of the version current when uploaded.
            migrationBuilder.Sql("""
                UPDATE "Attachments" SET "Version" = (
                    SELECT MAX(v."Number") FROM "DemandVersions" v
                    WHERE v."DemandId" = "Attachments"."OwnerId" AND v."SubmittedAt" <= "Attachments"."UploadedAt")
                WHERE "OwnerType" = 'Demand' AND "Kind" = 'StampedScan';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.Sql("""UPDATE "Demands" SET "Status" = 0 WHERE "Status" = 7;""");
            migrationBuilder.Sql("""UPDATE "DemandEvents" SET "To" = 0 WHERE "To" = 7;""");
            migrationBuilder.Sql("""UPDATE "DemandEvents" SET "From" = 0 WHERE "From" = 7;""");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Attachments");
        }
    }
}
