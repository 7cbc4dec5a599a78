using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EditionReminderDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReminderDays",
                table: "Editions",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "7,1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReminderDays",
                table: "Editions");
        }
    }
}
