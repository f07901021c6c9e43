using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omstilling.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_call_records_AreaId_ArrivedAt",
                table: "call_records",
                columns: new[] { "AreaId", "ArrivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_call_events_Kind_At",
                table: "call_events",
                columns: new[] { "Kind", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_call_records_AreaId_ArrivedAt",
                table: "call_records");

            migrationBuilder.DropIndex(
                name: "IX_call_events_Kind_At",
                table: "call_events");
        }
    }
}
