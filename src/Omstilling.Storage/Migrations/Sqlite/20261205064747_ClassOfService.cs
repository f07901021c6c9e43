using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omstilling.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClassOfService : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClassOfService",
                table: "directory_people",
                type: "TEXT",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClassOfService",
                table: "directory_people");
        }
    }
}
