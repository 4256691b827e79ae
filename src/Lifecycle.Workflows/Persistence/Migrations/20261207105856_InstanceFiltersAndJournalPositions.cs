using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lifecycle.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InstanceFiltersAndJournalPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_WorkflowJournal",
                table: "WorkflowJournal");

            migrationBuilder.AddColumn<long>(
                name: "Position",
                table: "WorkflowJournal",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddColumn<string>(
                name: "Correlation",
                table: "WorkflowInstances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_WorkflowJournal",
                table: "WorkflowJournal",
                column: "Position");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowJournal_InstanceId_FirstSequence",
                table: "WorkflowJournal",
                columns: new[] { "InstanceId", "FirstSequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_Correlation",
                table: "WorkflowInstances",
                column: "Correlation");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_CreatedAt",
                table: "WorkflowInstances",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId_Version",
                table: "WorkflowInstances",
                columns: new[] { "DefinitionId", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_Status_FinishedAt",
                table: "WorkflowInstances",
                columns: new[] { "Status", "FinishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_UpdatedAt",
                table: "WorkflowInstances",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_WorkflowJournal",
                table: "WorkflowJournal");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowJournal_InstanceId_FirstSequence",
                table: "WorkflowJournal");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_Correlation",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_CreatedAt",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_DefinitionId_Version",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_Status_FinishedAt",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_UpdatedAt",
                table: "WorkflowInstances");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "WorkflowJournal");

            migrationBuilder.DropColumn(
                name: "Correlation",
                table: "WorkflowInstances");

            migrationBuilder.AddPrimaryKey(
                name: "PK_WorkflowJournal",
                table: "WorkflowJournal",
                columns: new[] { "InstanceId", "FirstSequence" });
        }
    }
}
