using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiebang.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Lists_InboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Demands_Area_Directions_Status_RecommenderUnitId_OwnerUnitI~",
                table: "Demands",
                columns: new[] { "Area", "Directions", "Status", "RecommenderUnitId", "OwnerUnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Demands_UpdatedAt",
                table: "Demands",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Demands_Area_Directions_Status_RecommenderUnitId_OwnerUnitI~",
                table: "Demands");

            migrationBuilder.DropIndex(
                name: "IX_Demands_UpdatedAt",
                table: "Demands");
        }
    }
}
