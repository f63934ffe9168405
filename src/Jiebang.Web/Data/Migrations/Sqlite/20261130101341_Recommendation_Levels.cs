using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiebang.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Recommendation_Levels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HolderUnitId",
                table: "Proposals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProposalBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalBatches_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProposalBatches_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuotaUses",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Used = table.Column<int>(type: "INTEGER", nullable: false),
                    IncentiveUsed = table.Column<int>(type: "INTEGER", nullable: false),
                    IncentiveFenUsed = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuotaUses", x => new { x.RoundId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_QuotaUses_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QuotaUses_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProposalLevels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    UsesIncentive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubsidyFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ArrivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: true),
                    ForwardedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalLevels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalLevels_ProposalBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "ProposalBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProposalLevels_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProposalLevels_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_HolderUnitId",
                table: "Proposals",
                column: "HolderUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalBatches_RoundId_UnitId",
                table: "ProposalBatches",
                columns: new[] { "RoundId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalBatches_UnitId",
                table: "ProposalBatches",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalLevels_BatchId",
                table: "ProposalLevels",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalLevels_ProposalId_UnitId",
                table: "ProposalLevels",
                columns: new[] { "ProposalId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalLevels_RoundId_UnitId_Decision",
                table: "ProposalLevels",
                columns: new[] { "RoundId", "UnitId", "Decision" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalLevels_UnitId",
                table: "ProposalLevels",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_QuotaUses_UnitId",
                table: "QuotaUses",
                column: "UnitId");

            // Proposals submitted before levels existed wait at the unit they were filed through (level 1).
            migrationBuilder.Sql("""
                UPDATE "Proposals" SET "HolderUnitId" = "RecommenderUnitId" WHERE "Status" = 1 AND "RecommenderUnitId" IS NOT NULL;
                INSERT INTO "ProposalLevels" ("ProposalId", "RoundId", "UnitId", "Level", "Decision", "UsesIncentive", "SubsidyFen", "ArrivedAt")
                SELECT "Id", "RoundId", "RecommenderUnitId", 1, 0, 0, 0, COALESCE("SubmittedAt", "UpdatedAt") FROM "Proposals"
                WHERE "Status" = 1 AND "RecommenderUnitId" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.DropTable(
                name: "ProposalLevels");

            migrationBuilder.DropTable(
                name: "QuotaUses");

            migrationBuilder.DropTable(
                name: "ProposalBatches");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_HolderUnitId",
                table: "Proposals");

            // SQLite drops a plain column in place (3.35+); EF's table rebuild is not available to this Down.
            migrationBuilder.Sql("ALTER TABLE \"Proposals\" DROP COLUMN \"HolderUnitId\";");
        }
    }
}
