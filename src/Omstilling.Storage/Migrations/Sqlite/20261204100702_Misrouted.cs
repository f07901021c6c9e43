using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omstilling.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Misrouted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MisroutedBy",
                table: "call_records",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MisroutedBy",
                table: "call_records");
        }
    }
}
