using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiebang.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Rounds_StagesQuotasFormList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The forms keep their column and data: renamed, then turned from a comma string into a JSON list.
            migrationBuilder.RenameColumn(
                name: "FormKeys",
                table: "Rounds",
                newName: "Forms");

            migrationBuilder.AddColumn<string>(
                name: "Stages",
                table: "Rounds",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            foreach (var sql in RoundsStagesSql.PostgresUp) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in RoundsStagesSql.PostgresDown) migrationBuilder.Sql(sql);

            migrationBuilder.DropColumn(
                name: "Stages",
                table: "Rounds");

            migrationBuilder.RenameColumn(
                name: "Forms",
                table: "Rounds",
                newName: "FormKeys");
        }
    }
}
