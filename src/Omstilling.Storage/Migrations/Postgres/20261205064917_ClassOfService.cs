using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omstilling.Storage.Migrations.Postgres
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
                type: "character varying(16)",
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
