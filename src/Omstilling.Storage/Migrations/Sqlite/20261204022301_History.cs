using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omstilling.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class History : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "call_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Caller = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Dialled = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Operator = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Digit = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Target = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RouteFailure = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MenuId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MenuOption = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ChoiceOutcome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    QueueId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: true),
                    WaitedMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Members = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Transfer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RingEnd = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: true),
                    VoicemailBox = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Recording = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DepartmentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AreaId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_call_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "call_records",
                columns: table => new
                {
                    CallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArrivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Caller = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Dialled = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    External = table.Column<bool>(type: "INTEGER", nullable: false),
                    MenuPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    QueueId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    QueueWaitMs = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstRingAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Operator = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Transfers = table.Column<int>(type: "INTEGER", nullable: false),
                    TransferTarget = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TransferOutcome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Recalls = table.Column<int>(type: "INTEGER", nullable: false),
                    VoicemailBox = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SurveyAnswer = table.Column<int>(type: "INTEGER", nullable: true),
                    Abandoned = table.Column<bool>(type: "INTEGER", nullable: false),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: true),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DepartmentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AreaId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_call_records", x => x.CallId);
                });

            migrationBuilder.CreateTable(
                name: "call_rings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DepartmentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_call_rings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_call_rings_call_records_CallId",
                        column: x => x.CallId,
                        principalTable: "call_records",
                        principalColumn: "CallId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_call_events_At",
                table: "call_events",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_call_events_CallId_Sequence",
                table: "call_events",
                columns: new[] { "CallId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_call_records_ArrivedAt",
                table: "call_records",
                column: "ArrivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_call_records_DepartmentId_ArrivedAt",
                table: "call_records",
                columns: new[] { "DepartmentId", "ArrivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_call_records_PersonId_ArrivedAt",
                table: "call_records",
                columns: new[] { "PersonId", "ArrivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_call_rings_CallId",
                table: "call_rings",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_call_rings_PersonId_StartedAt",
                table: "call_rings",
                columns: new[] { "PersonId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "call_events");

            migrationBuilder.DropTable(
                name: "call_rings");

            migrationBuilder.DropTable(
                name: "call_records");
        }
    }
}
