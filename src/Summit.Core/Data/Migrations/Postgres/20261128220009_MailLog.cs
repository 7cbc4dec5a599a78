using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Summit.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MailLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DedupKey",
                table: "OutgoingMail",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Entity",
                table: "OutgoingMail",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EntityVersion",
                table: "OutgoingMail",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "OutgoingMail",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "OutgoingMailAttachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    MailId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingMailAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutgoingMailAttachments_OutgoingMail_MailId",
                        column: x => x.MailId,
                        principalTable: "OutgoingMail",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMail_DedupKey",
                table: "OutgoingMail",
                column: "DedupKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMail_Entity",
                table: "OutgoingMail",
                column: "Entity");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMail_ToAddress",
                table: "OutgoingMail",
                column: "ToAddress");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMailAttachments_MailId",
                table: "OutgoingMailAttachments",
                column: "MailId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutgoingMailAttachments");

            migrationBuilder.DropIndex(
                name: "IX_OutgoingMail_DedupKey",
                table: "OutgoingMail");

            migrationBuilder.DropIndex(
                name: "IX_OutgoingMail_Entity",
                table: "OutgoingMail");

            migrationBuilder.DropIndex(
                name: "IX_OutgoingMail_ToAddress",
                table: "OutgoingMail");

            migrationBuilder.DropColumn(
                name: "DedupKey",
                table: "OutgoingMail");

            migrationBuilder.DropColumn(
                name: "Entity",
                table: "OutgoingMail");

            migrationBuilder.DropColumn(
                name: "EntityVersion",
                table: "OutgoingMail");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "OutgoingMail");
        }
    }
}
