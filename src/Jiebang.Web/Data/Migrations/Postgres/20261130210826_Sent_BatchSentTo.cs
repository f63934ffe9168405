using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiebang.Web.Data.Migrations.Postgres
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
                type: "integer",
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

            migrationBuilder.DropColumn(
                name: "SentToUnitId",
                table: "ProposalBatches");
        }
    }
}
