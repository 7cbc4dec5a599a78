using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Summit.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Speakers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Speakers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FamilyNameZh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    GivenNameZh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FamilyNameLatin = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    GivenNameLatin = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LatinFamilyNameFirst = table.Column<bool>(type: "boolean", nullable: false),
                    HonorificEn = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    HonorificZh = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    BiographyEn = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    BiographyZh = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ContactEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Speakers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SpeakerEditions",
                columns: table => new
                {
                    SpeakerId = table.Column<int>(type: "integer", nullable: false),
                    EditionId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpeakerEditions", x => new { x.SpeakerId, x.EditionId });
                    table.ForeignKey(
                        name: "FK_SpeakerEditions_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SpeakerEditions_Speakers_SpeakerId",
                        column: x => x.SpeakerId,
                        principalTable: "Speakers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpeakerLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SpeakerId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpeakerLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpeakerLinks_Speakers_SpeakerId",
                        column: x => x.SpeakerId,
                        principalTable: "Speakers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpeakerPositions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TitleZh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OrganisationEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OrganisationZh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SpeakerId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpeakerPositions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpeakerPositions_Speakers_SpeakerId",
                        column: x => x.SpeakerId,
                        principalTable: "Speakers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerEditions_EditionId",
                table: "SpeakerEditions",
                column: "EditionId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerLinks_SpeakerId",
                table: "SpeakerLinks",
                column: "SpeakerId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerPositions_SpeakerId",
                table: "SpeakerPositions",
                column: "SpeakerId");

            migrationBuilder.CreateIndex(
                name: "IX_Speakers_FamilyNameLatin",
                table: "Speakers",
                column: "FamilyNameLatin");

            migrationBuilder.CreateIndex(
                name: "IX_Speakers_FamilyNameZh",
                table: "Speakers",
                column: "FamilyNameZh");

            migrationBuilder.CreateIndex(
                name: "IX_Speakers_Slug",
                table: "Speakers",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SpeakerEditions");

            migrationBuilder.DropTable(
                name: "SpeakerLinks");

            migrationBuilder.DropTable(
                name: "SpeakerPositions");

            migrationBuilder.DropTable(
                name: "Speakers");
        }
    }
}
