using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Summit.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SessionSignups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LastSignupTicket",
                table: "Sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SeatsTaken",
                table: "Sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "SessionSignups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    RegistrationId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    WaitlistTicket = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StatusChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionSignups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionSignups_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionSignups_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_Sessions_Seats",
                table: "Sessions",
                sql: "\"SeatLimit\" IS NULL OR \"SeatsTaken\" <= \"SeatLimit\"");

            migrationBuilder.CreateIndex(
                name: "IX_SessionSignups_RegistrationId",
                table: "SessionSignups",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionSignups_SessionId_RegistrationId",
                table: "SessionSignups",
                columns: new[] { "SessionId", "RegistrationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionSignups_SessionId_Status_WaitlistTicket",
                table: "SessionSignups",
                columns: new[] { "SessionId", "Status", "WaitlistTicket" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SessionSignups");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Sessions_Seats",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "LastSignupTicket",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "SeatsTaken",
                table: "Sessions");
        }
    }
}
