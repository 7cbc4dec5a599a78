using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MailClaim : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeaseUntil",
                table: "OutgoingMail",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "OutgoingMail",
                type: "integer",
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
