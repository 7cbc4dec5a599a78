using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Core.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameZh",
                table: "ArticleContributor",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RoleZh",
                table: "ArticleContributor",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameZh",
                table: "ArticleAuthor",
                type: "TEXT",
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
