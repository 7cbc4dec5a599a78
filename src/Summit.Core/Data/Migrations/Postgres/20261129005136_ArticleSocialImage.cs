using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ArticleSocialImage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsSocial",
                table: "ArticlePhotos",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsSocial",
                table: "ArticlePhotos");
        }
    }
}
