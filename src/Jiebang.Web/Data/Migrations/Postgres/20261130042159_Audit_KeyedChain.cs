using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiebang.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Audit_KeyedChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "GapBefore",
                table: "AuditEntries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AuditChainHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    LastId = table.Column<long>(type: "bigint", nullable: false),
                    LastHash = table.Column<string>(type: "text", nullable: false),
                    LegacyThroughId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChainHeads", x => x.Id);
                });

            // Entries written so far keep their plain SHA-256 chain: mark where it ends, and let the
            // keyed chain continue from its last hash.
            migrationBuilder.Sql("""
                INSERT INTO "AuditChainHeads" ("Id", "LastId", "LastHash", "LegacyThroughId")
                SELECT 1, COALESCE(MAX("Id"), 0),
                       COALESCE((SELECT "Hash" FROM "AuditEntries" ORDER BY "Id" DESC LIMIT 1), ''),
                       COALESCE(MAX("Id"), 0)
                FROM "AuditEntries";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditChainHeads");

            migrationBuilder.DropColumn(
                name: "GapBefore",
                table: "AuditEntries");
        }
    }
}
