using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiebang.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Lists_ReachedBureau : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Demands_Area_Directions_Status_RecommenderUnitId_OwnerUnitId_Id",
                table: "Demands");

            migrationBuilder.DropIndex(
                name: "IX_Demands_OwnerUnitId",
                table: "Demands");

            migrationBuilder.DropIndex(
                name: "IX_Demands_UpdatedAt",
                table: "Demands");

            migrationBuilder.AddColumn<long>(
                name: "ReachedBureauAt",
                table: "Demands",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.Sql(ReachedBureauSql.Up);
            foreach (var sql in DemandSearchSql.Up) migrationBuilder.Sql(sql);

            migrationBuilder.CreateIndex(
                name: "IX_Units_Name_Id",
                table: "Units",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Demands_Area_Directions_ReachedBureauAt_OwnerUnitId_Status_RecommenderUnitId_RoundId",
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
                name: "IX_Demands_UpdatedAt_Id_ReachedBureauAt_OwnerUnitId",
                table: "Demands",
                columns: new[] { "UpdatedAt", "Id", "ReachedBureauAt", "OwnerUnitId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in DemandSearchSql.Down) migrationBuilder.Sql(sql);

            migrationBuilder.DropIndex(
                name: "IX_Units_Name_Id",
                table: "Units");

            migrationBuilder.DropIndex(
                name: "IX_Demands_Area_Directions_ReachedBureauAt_OwnerUnitId_Status_RecommenderUnitId_RoundId",
                table: "Demands");

            migrationBuilder.DropIndex(
                name: "IX_Demands_OwnerUnitId_Id_ReachedBureauAt",
                table: "Demands");

            migrationBuilder.DropIndex(
                name: "IX_Demands_RoundId_UpdatedAt_Id_ReachedBureauAt_OwnerUnitId",
                table: "Demands");

            migrationBuilder.DropIndex(
                name: "IX_Demands_UpdatedAt_Id_ReachedBureauAt_OwnerUnitId",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "ReachedBureauAt",
                table: "Demands");

            migrationBuilder.CreateIndex(
                name: "IX_Demands_Area_Directions_Status_RecommenderUnitId_OwnerUnitId_Id",
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
