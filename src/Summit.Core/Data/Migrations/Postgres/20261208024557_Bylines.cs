using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Bylines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DisplayNameZh",
                table: "AspNetUsers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameZh",
                table: "ArticleContributor",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RoleZh",
                table: "ArticleContributor",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameZh",
                table: "ArticleAuthor",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DisplayNameZh",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "NameZh",
                table: "ArticleContributor");

            migrationBuilder.DropColumn(
                name: "RoleZh",
                table: "ArticleContributor");

            migrationBuilder.DropColumn(
                name: "NameZh",
                table: "ArticleAuthor");
        }
    }
}
