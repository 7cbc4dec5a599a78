using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BadgeSelectionAndColours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BadgePrintedRevision",
                table: "Registrations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BadgeColour",
                table: "RegistrationCategories",
                type: "character varying(7)",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Selection",
                table: "BadgeSheets",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Confirmed");

            migrationBuilder.CreateTable(
                name: "BadgeSheetEntries",
                columns: table => new
                {
                    BadgeSheetId = table.Column<int>(type: "integer", nullable: false),
                    RegistrationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BadgeSheetEntries", x => new { x.BadgeSheetId, x.RegistrationId });
                    table.ForeignKey(
                        name: "FK_BadgeSheetEntries_BadgeSheets_BadgeSheetId",
                        column: x => x.BadgeSheetId,
                        principalTable: "BadgeSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BadgeSheetEntries_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BadgeSheetEntries_RegistrationId",
                table: "BadgeSheetEntries",
                column: "RegistrationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BadgeSheetEntries");

            migrationBuilder.DropColumn(
                name: "BadgePrintedRevision",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "BadgeColour",
                table: "RegistrationCategories");

            migrationBuilder.DropColumn(
                name: "Selection",
                table: "BadgeSheets");
        }
    }
}
