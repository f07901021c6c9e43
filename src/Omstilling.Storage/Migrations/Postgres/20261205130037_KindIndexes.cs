using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omstilling.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KindIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_call_events_Kind_At",
                table: "call_events");

            migrationBuilder.CreateIndex(
                name: "IX_call_events_started_At",
                table: "call_events",
                column: "At",
                filter: "\"Kind\" = 'Started'");

            migrationBuilder.CreateIndex(
                name: "IX_call_events_transfer_completed_At",
                table: "call_events",
                column: "At",
                filter: "\"Kind\" = 'TransferCompleted'");

            migrationBuilder.CreateIndex(
                name: "IX_call_events_transfer_started_At",
                table: "call_events",
                column: "At",
                filter: "\"Kind\" = 'TransferStarted'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_call_events_started_At",
                table: "call_events");

            migrationBuilder.DropIndex(
                name: "IX_call_events_transfer_completed_At",
                table: "call_events");

            migrationBuilder.DropIndex(
                name: "IX_call_events_transfer_started_At",
                table: "call_events");

            migrationBuilder.CreateIndex(
                name: "IX_call_events_Kind_At",
                table: "call_events",
                columns: new[] { "Kind", "At" });
        }
    }
}
