using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiebang.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Sent_BatchSentTo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SentToUnitId",
                table: "ProposalBatches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalBatches_SentToUnitId",
                table: "ProposalBatches",
                column: "SentToUnitId");

            // Batches submitted before: whom they went to, from where their proposals went or the levels as stored.
            migrationBuilder.Sql(SentToBackfill.Sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProposalBatches_SentToUnitId",
                table: "ProposalBatches");

            // SQLite drops a plain column in place (3.35+), as Recommendation_Levels does.
            migrationBuilder.Sql("ALTER TABLE \"ProposalBatches\" DROP COLUMN \"SentToUnitId\";");
        }
    }
}
