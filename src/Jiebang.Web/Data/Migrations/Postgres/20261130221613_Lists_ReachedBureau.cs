using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiebang.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Lists_ReachedBureau : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Demands_Area_Directions_Status_RecommenderUnitId_OwnerUnitI~",
                table: "Demands");

            migrationBuilder.DropIndex(
                name: "IX_Demands_OwnerUnitId",
                table: "Demands");

            migrationBuilder.DropIndex(
                name: "IX_Demands_UpdatedAt",
                table: "Demands");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReachedBureauAt",
                table: "Demands",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.Sql(ReachedBureauSql.Up);

            migrationBuilder.CreateIndex(
                name: "IX_Units_Name_Id",
                table: "Units",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Demands_Area_Directions_ReachedBureauAt_OwnerUnitId_Status_~",
                table: "Demands",
                columns: new[] { "Area", "Directions", "ReachedBureauAt", "OwnerUnitId", "Status", "RecommenderUnitId", "RoundId" });

            migrationBuilder.CreateIndex(
                name: "IX_Demands_OwnerUnitId_Id_ReachedBureauAt",
                table: "Demands",
                columns: new[] { "OwnerUnitId", "Id", "ReachedBureauAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Demands_RoundId_UpdatedAt_Id_ReachedBureauAt_OwnerUnitId",
                table: "Demands",
                columns: new[] { "RoundId", "UpdatedAt", "Id", "ReachedBureauAt", "OwnerUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_Demands_SearchText_Trigrams",
                table: "Demands",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Demands_Title_Trigrams",
                table: "Demands",
                column: "Title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Demands_UpdatedAt_Id_ReachedBureauAt_OwnerUnitId",
                table: "Demands",
                columns: new[] { "UpdatedAt", "Id", "ReachedBureauAt", "OwnerUnitId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Units_Name_Id",
                table: "Units");

            migrationBuilder.DropIndex(
                name: "IX_Demands_Area_Directions_ReachedBureauAt_OwnerUnitId_Status_~",
                table: "Demands");

            migrationBuilder.DropIndex(
                name: "IX_Demands_OwnerUnitId_Id_ReachedBureauAt",
                table: "Demands");

            migrationBuilder.DropIndex(
                name: "IX_Demands_RoundId_UpdatedAt_Id_ReachedBureauAt_OwnerUnitId",
                table: "Demands");

            migrationBuilder.DropIndex(
                name: "IX_Demands_SearchText_Trigrams",
                table: "Demands");

            migrationBuilder.DropIndex(
                name: "IX_Demands_Title_Trigrams",
                table: "Demands");

            migrationBuilder.DropIndex(
                name: "IX_Demands_UpdatedAt_Id_ReachedBureauAt_OwnerUnitId",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "ReachedBureauAt",
                table: "Demands");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "IX_Demands_Area_Directions_Status_RecommenderUnitId_OwnerUnitI~",
                table: "Demands",
                columns: new[] { "Area", "Directions", "Status", "RecommenderUnitId", "OwnerUnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Demands_OwnerUnitId",
                table: "Demands",
                column: "OwnerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Demands_UpdatedAt",
                table: "Demands",
                column: "UpdatedAt");
        }
    }
}
