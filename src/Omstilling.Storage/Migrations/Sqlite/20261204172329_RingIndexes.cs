using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omstilling.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_call_rings_PersonId_StartedAt",
                table: "call_rings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_call_rings_PersonId_StartedAt",
                table: "call_rings",
                columns: new[] { "PersonId", "StartedAt" });
        }
    }
}
