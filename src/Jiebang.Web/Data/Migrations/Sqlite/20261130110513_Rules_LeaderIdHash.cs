using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiebang.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Rules_LeaderIdHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LeaderIdHash",
                table: "Proposals",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_LeaderIdHash",
                table: "Proposals",
                column: "LeaderIdHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_LeaderIdHash",
                table: "Proposals");

            // SQLite drops the column in place (3.35+), as Recommendation_Levels does, rather than EF rebuilding the
            // table from an earlier migration's model.
            migrationBuilder.Sql("ALTER TABLE \"Proposals\" DROP COLUMN \"LeaderIdHash\";");
        }
    }
}
