using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MailClaim : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LeaseUntil",
                table: "OutgoingMail",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "OutgoingMail",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "OutgoingMail");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "OutgoingMail");
        }
    }
}
