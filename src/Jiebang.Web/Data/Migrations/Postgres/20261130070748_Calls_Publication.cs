using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiebang.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Calls_Publication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NoticeText",
                table: "Rounds",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PublishedAt",
                table: "Rounds",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "GuidelineItems",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawReason",
                table: "GuidelineItems",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WithdrawnAt",
                table: "GuidelineItems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineItems_CallRoundId_Number",
                table: "GuidelineItems",
                columns: new[] { "CallRoundId", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GuidelineItems_CallRoundId_Number",
                table: "GuidelineItems");

            migrationBuilder.DropColumn(
                name: "NoticeText",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "GuidelineItems");

            migrationBuilder.DropColumn(
                name: "WithdrawReason",
                table: "GuidelineItems");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "GuidelineItems");
        }
    }
}
