using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiebang.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Guidelines_Items : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GuidelineItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallRoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Goals = table.Column<string>(type: "TEXT", nullable: false),
                    Conditions = table.Column<string>(type: "TEXT", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    FundingWan = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    PeriodMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidelineItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidelineItems_Rounds_CallRoundId",
                        column: x => x.CallRoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GuidelineItemSources",
                columns: table => new
                {
                    DemandId = table.Column<int>(type: "INTEGER", nullable: false),
                    GuidelineItemId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidelineItemSources", x => new { x.GuidelineItemId, x.DemandId });
                    table.ForeignKey(
                        name: "FK_GuidelineItemSources_Demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "Demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuidelineItemSources_GuidelineItems_GuidelineItemId",
                        column: x => x.GuidelineItemId,
                        principalTable: "GuidelineItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineItems_CallRoundId_Status",
                table: "GuidelineItems",
                columns: new[] { "CallRoundId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineItemSources_DemandId",
                table: "GuidelineItemSources",
                column: "DemandId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GuidelineItemSources");

            migrationBuilder.DropTable(
                name: "GuidelineItems");
        }
    }
}
