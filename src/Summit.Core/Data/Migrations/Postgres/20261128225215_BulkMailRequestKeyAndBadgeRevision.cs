using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BulkMailRequestKeyAndBadgeRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BadgeRevision",
                table: "Registrations",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "RequestKey",
                table: "BulkMails",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // Bulk emails sent before the key existed each get their own, so the unique index holds.
            migrationBuilder.Sql("UPDATE \"BulkMails\" SET \"RequestKey\" = CAST(\"Id\" AS TEXT)");

            migrationBuilder.CreateIndex(
                name: "IX_BulkMails_RequestKey",
                table: "BulkMails",
                column: "RequestKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BulkMails_RequestKey",
                table: "BulkMails");

            migrationBuilder.DropColumn(
                name: "BadgeRevision",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "RequestKey",
                table: "BulkMails");
        }
    }
}
