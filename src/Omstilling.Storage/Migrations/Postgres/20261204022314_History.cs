using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Omstilling.Storage.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Caller = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Dialled = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Party = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Operator = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Digit = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    Decision = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Rule = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Target = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RouteFailure = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MenuId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MenuOption = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ChoiceOutcome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    QueueId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: true),
                    WaitedMs = table.Column<long>(type: "bigint", nullable: true),
                    Members = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Transfer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RingEnd = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EndReason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: true),
                    VoicemailBox = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Recording = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PersonId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DepartmentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AreaId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_call_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "call_records",
                columns: table => new
                {
                    CallId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArrivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Caller = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Dialled = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    External = table.Column<bool>(type: "boolean", nullable: false),
                    MenuPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    QueueId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    QueueWaitMs = table.Column<long>(type: "bigint", nullable: true),
                    FirstRingAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Operator = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Transfers = table.Column<int>(type: "integer", nullable: false),
                    TransferTarget = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TransferOutcome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Recalls = table.Column<int>(type: "integer", nullable: false),
                    VoicemailBox = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SurveyAnswer = table.Column<int>(type: "integer", nullable: true),
                    Abandoned = table.Column<bool>(type: "boolean", nullable: false),
                    EndReason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: true),
                    PersonId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DepartmentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AreaId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_call_records", x => x.CallId);
                });

            migrationBuilder.CreateTable(
                name: "call_rings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<Guid>(type: "uuid", nullable: false),
                    Party = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PersonId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DepartmentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
